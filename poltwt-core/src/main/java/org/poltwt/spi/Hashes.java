package org.poltwt.spi;

/** Shape checks shared by the SPI's records. */
final class Hashes {
  private Hashes() {}

  static boolean isSha256Hex(String s) {
    if (s.length() != 64) {
      return false;
    }
    for (int i = 0; i < 64; i++) {
      char c = s.charAt(i);
      if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
        return false;
      }
    }
    return true;
  }

  /** A key or name of the shared-state stores: printable ASCII, no spaces, 1 to 200 characters. */
  static void requireKey(String value, String field) {
    if (value.isEmpty() || value.length() > 200) {
      throw new IllegalArgumentException(field + ": 1 to 200 characters");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c <= ' ' || c > '~') {
        throw new IllegalArgumentException(field + ": printable ASCII without spaces only");
      }
    }
  }
}
