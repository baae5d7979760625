package org.poltwt;

import static java.util.Objects.requireNonNull;

/**
 * The root of every domain and adapter failure poltwt reports.
 *
 * <p>Each failure carries a machine-readable {@link #code()} beside its human message, so callers
 * can branch without parsing text. Messages never contain an email address, a personal name or a
 * token.
 */
public class PoltwtException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String code;

  /**
   * Creates a failure.
   *
   * @param code a stable, machine-readable code such as {@code "edition.invalid"}
   * @param message what went wrong, free of personal data
   */
  public PoltwtException(String code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
  }

  /**
   * Creates a failure with a cause.
   *
   * @param code a stable, machine-readable code such as {@code "store.unavailable"}
   * @param message what went wrong, free of personal data
   * @param cause the underlying failure
   */
  public PoltwtException(String code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /**
   * Returns the machine-readable code of this failure.
   *
   * @return the code, never null
   */
  public String code() {
    return code;
  }
}
