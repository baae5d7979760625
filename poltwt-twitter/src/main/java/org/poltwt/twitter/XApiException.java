package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.poltwt.PoltwtException;

/**
 * A failure talking to the X API: a refused request, a server that kept failing, a connection that
 * kept dropping, or an answer that could not be read.
 *
 * <p>Carries the HTTP status when there was a response, and the {@code title}, {@code detail} and
 * {@code type} of the API's problem document when it sent one. The message names the endpoint by
 * its template (for example {@code GET /2/users/by/username/{username}}) and never contains a
 * token: credentials are not part of any request line the client reports.
 */
public final class XApiException extends PoltwtException {
  private static final long serialVersionUID = 1L;

  /** Why the call failed; {@link #code()} is {@code "xapi."} and the reason in kebab case. */
  public enum Reason {
    /** 400: the API found the request invalid. */
    BAD_REQUEST,
    /** 401: the token is missing, expired or wrong. */
    UNAUTHORIZED,
    /** 403: the token may not do this (or the content was refused). */
    FORBIDDEN,
    /** 404: no such resource. */
    NOT_FOUND,
    /** Another 4xx status. */
    CLIENT_ERROR,
    /** 429 and the wait until the window resets is longer than allowed, or kept recurring. */
    RATE_LIMITED,
    /**
     * 429 with the problem type {@code .../usage-capped}: the app's or project's cap on posts read
     * (X bills each one) is used up for the day or month. Not retried: waiting out a rate-limit
     * window does not lift it.
     */
    USAGE_CAPPED,
    /** 5xx, after every retry. */
    SERVER_ERROR,
    /** The connection failed or dropped, after every retry. */
    CONNECTION,
    /** No response within the request timeout, after every retry. */
    TIMEOUT,
    /** A response whose body is not the JSON the API documents. */
    MALFORMED_RESPONSE,
    /** The thread was interrupted while calling or waiting. */
    INTERRUPTED;

    /**
     * Returns the machine-readable code of this reason.
     *
     * @return for example {@code "xapi.bad-request"}
     */
    public String code() {
      return "xapi." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  private final Reason reason;
  private final int status;
  private final String title;
  private final String detail;
  private final String problemType;
  private final Instant rateLimitReset;

  private XApiException(
      String code,
      Reason reason,
      int status,
      String title,
      String detail,
      String problemType,
      Instant rateLimitReset,
      String message,
      Throwable cause) {
    super(code, message, cause);
    this.reason = reason;
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.problemType = problemType;
    this.rateLimitReset = rateLimitReset;
  }

  /** A failure with a response; {@code title}, {@code detail}, {@code type} may be null. */
  static XApiException ofResponse(
      Reason reason, String endpoint, int status, String title, String detail, String problemType) {
    return ofResponse(reason, endpoint, status, title, detail, problemType, null);
  }

  /** As above, with the instant a rate-limit window resets (null when unknown). */
  static XApiException ofResponse(
      Reason reason,
      String endpoint,
      int status,
      String title,
      String detail,
      String problemType,
      Instant rateLimitReset) {
    requireNonNull(reason, "reason");
    StringBuilder m = new StringBuilder("X API ").append(endpoint).append(": HTTP ").append(status);
    if (title != null) {
      m.append(' ').append(title);
    }
    if (detail != null) {
      m.append(" (").append(detail).append(')');
    }
    if (rateLimitReset != null) {
      m.append("; the rate-limit window resets at ").append(rateLimitReset);
    }
    return new XApiException(
        reason.code(),
        reason,
        status,
        title,
        detail,
        problemType,
        rateLimitReset,
        m.toString(),
        null);
  }

  /** A failure without a usable response. */
  static XApiException of(Reason reason, String endpoint, String what, Throwable cause) {
    requireNonNull(reason, "reason");
    return new XApiException(
        reason.code(), reason, 0, null, null, null, null, "X API " + endpoint + ": " + what, cause);
  }

  /** The same failure under another code, as an SPI contract names it (the cause is this one). */
  XApiException withCode(String code) {
    return new XApiException(
        code, reason, status, title, detail, problemType, rateLimitReset, getMessage(), this);
  }

  /**
   * Returns why the call failed.
   *
   * @return the reason
   */
  public Reason reason() {
    return reason;
  }

  /**
   * Returns the HTTP status of the response that failed the call.
   *
   * @return the status, or empty when no response arrived
   */
  public OptionalInt status() {
    return status == 0 ? OptionalInt.empty() : OptionalInt.of(status);
  }

  /**
   * Returns the {@code title} of the API's problem document.
   *
   * @return the title, for example {@code "Unauthorized"}, or empty
   */
  public Optional<String> title() {
    return Optional.ofNullable(title);
  }

  /**
   * Returns the {@code detail} of the API's problem document.
   *
   * @return the detail, or empty
   */
  public Optional<String> detail() {
    return Optional.ofNullable(detail);
  }

  /**
   * Returns the {@code type} of the API's problem document.
   *
   * @return a URI such as {@code https://api.x.com/2/problems/invalid-request} or {@code
   *     about:blank}, or empty
   */
  public Optional<String> problemType() {
    return Optional.ofNullable(problemType);
  }

  /**
   * Returns when the rate-limit window that refused the call resets, for {@link
   * Reason#RATE_LIMITED}.
   *
   * @return the reset instant, or empty when unknown or not a rate-limit failure
   */
  public Optional<Instant> rateLimitReset() {
    return Optional.ofNullable(rateLimitReset);
  }
}
