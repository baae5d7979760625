package org.poltwt.archive;

import static java.util.Objects.requireNonNull;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * One file of an archive: its name and its bytes.
 *
 * @param name the file's name, without a directory: letters, digits, {@code .}, {@code -} and
 *     {@code _}
 * @param content the file's bytes (copied in and out)
 */
public record ArchiveFile(String name, byte[] content) {
  /**
   * Validates the file.
   *
   * @param name the file's name
   * @param content its bytes
   * @throws IllegalArgumentException if the name is empty, starts with a dot or has other
   *     characters
   */
  public ArchiveFile {
    requireNonNull(name, "name");
    requireNonNull(content, "content");
    if (!name.matches("[A-Za-z0-9_-][A-Za-z0-9._-]*")) {
      throw new IllegalArgumentException(
          "name: must be a plain file name of letters, digits, '.', '-' and '_'");
    }
    content = content.clone();
  }

  /**
   * Returns a copy of the file's bytes.
   *
   * @return the bytes
   */
  @Override
  public byte[] content() {
    return content.clone();
  }

  /**
   * Returns the SHA-256 of the file's bytes, as {@code sha256sum} prints it.
   *
   * @return 64 lower-case hex digits
   */
  public String sha256() {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Whether another file has the same name and bytes.
   *
   * @param o the other object
   * @return true if equal
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof ArchiveFile
        && ((ArchiveFile) o).name.equals(name)
        && Arrays.equals(((ArchiveFile) o).content, content);
  }

  @Override
  public int hashCode() {
    return 31 * name.hashCode() + Arrays.hashCode(content);
  }

  /**
   * Describes the file without its content.
   *
   * @return for example {@code ArchiveFile[name=SHA256SUMS, bytes=210]}
   */
  @Override
  public String toString() {
    return "ArchiveFile[name=" + name + ", bytes=" + content.length + "]";
  }
}
