package org.poltwt.registration;

import java.util.Set;

/** Masks an email address so its owner can recognise it and nobody else learns it. */
final class EmailMask {
  private static final String DOTS = "\u2022\u2022\u2022";
  /** Second-level labels kept beside the top-level domain, so "gov.uk" stays readable. */
  private static final Set<String> KEPT_SECOND_LEVEL = Set.of(
      "gov", "gob", "gouv", "govt", "go", "gc", "gv", "police", "mil", "admin", "bund", "co", "com", "org",
      "net", "ac", "edu", "nic", "state", "nsw", "vic", "qld", "wa", "sa", "tas", "act", "nt");

  private EmailMask() {}

  /** {@code john@police.gov.uk} becomes {@code j•••@p•••.gov.uk}. */
  static String mask(String email) {
    int at = email.lastIndexOf('@');
    if (at < 1) {
      return DOTS;
    }
    String local = email.substring(0, at);
    String[] labels = email.substring(at + 1).split("\\.");
    int kept = 1;
    if (labels.length >= 3 && KEPT_SECOND_LEVEL.contains(labels[labels.length - 2])) {
      kept = 2;
    }
    StringBuilder b = new StringBuilder();
    b.appendCodePoint(local.codePointAt(0)).append(DOTS).append('@');
    if (labels.length > kept) {
      b.appendCodePoint(labels[0].codePointAt(0)).append(DOTS);
    }
    for (int i = Math.max(labels.length - kept, 0); i < labels.length; i++) {
      b.append('.').append(labels[i]);
    }
    return b.toString().replace("@.", "@");
  }
}
