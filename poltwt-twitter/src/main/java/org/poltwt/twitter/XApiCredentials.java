package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.util.Map;
import java.util.Optional;

/**
 * The tokens the client sends: an app-only bearer token for looking up accounts and searching, and
 * an OAuth 2.0 user-context access token (scopes {@code tweet.read tweet.write users.read}) for
 * posting. Either may be absent; at least one is required. Lookups and searches use the app token
 * when there is one, else the user token; posting needs the user token, because the API refuses
 * app-only tokens for {@code POST /2/tweets}.
 *
 * <p>The tokens never leave this object except in the {@code Authorization} header: {@link
 * #toString()} says only which tokens are set, and no exception or log line of the client contains
 * them.
 */
public final class XApiCredentials {
  /** The environment variable {@link #fromEnvironment()} reads the app-only bearer token from. */
  public static final String APP_TOKEN_VARIABLE = "POLTWT_X_BEARER_TOKEN";

  /**
   * The environment variable {@link #fromEnvironment()} reads the user-context access token from.
   */
  public static final String USER_TOKEN_VARIABLE = "POLTWT_X_USER_TOKEN";

  private final String appToken;
  private final String userToken;

  private XApiCredentials(String appToken, String userToken) {
    this.appToken = appToken;
    this.userToken = userToken;
  }

  /**
   * Creates credentials from tokens the caller holds.
   *
   * @param appBearerToken the app-only bearer token; may be null
   * @param userAccessToken the OAuth 2.0 user-context access token; may be null
   * @return the credentials
   * @throws IllegalArgumentException if both are null, or a token is blank or holds whitespace
   */
  public static XApiCredentials of(String appBearerToken, String userAccessToken) {
    check("appBearerToken", appBearerToken);
    check("userAccessToken", userAccessToken);
    if (appBearerToken == null && userAccessToken == null) {
      throw new IllegalArgumentException("credentials: at least one token is required");
    }
    return new XApiCredentials(appBearerToken, userAccessToken);
  }

  /**
   * Creates credentials with only an app-only bearer token: enough to look up accounts and search.
   *
   * @param appBearerToken the token
   * @return the credentials
   * @throws IllegalArgumentException if the token is blank or holds whitespace
   */
  public static XApiCredentials appOnly(String appBearerToken) {
    return of(requireNonNull(appBearerToken, "appBearerToken"), null);
  }

  /**
   * Reads the tokens from the environment variables {@value #APP_TOKEN_VARIABLE} and {@value
   * #USER_TOKEN_VARIABLE}; an unset or empty variable means no such token.
   *
   * @return the credentials
   * @throws IllegalStateException if neither variable is set
   */
  public static XApiCredentials fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * Reads the tokens from a map of environment variables, as {@link #fromEnvironment()} does.
   *
   * @param environment the variables, for example {@link System#getenv()}
   * @return the credentials
   * @throws IllegalStateException if neither variable is set
   * @throws IllegalArgumentException if a variable's value holds whitespace
   */
  public static XApiCredentials fromEnvironment(Map<String, String> environment) {
    requireNonNull(environment, "environment");
    String app = emptyToNull(environment.get(APP_TOKEN_VARIABLE));
    String user = emptyToNull(environment.get(USER_TOKEN_VARIABLE));
    if (app == null && user == null) {
      throw new IllegalStateException(
          "credentials: set "
              + APP_TOKEN_VARIABLE
              + " (lookups and search) and/or "
              + USER_TOKEN_VARIABLE
              + " (posting)");
    }
    return of(app, user);
  }

  /**
   * Whether an app-only bearer token is set.
   *
   * @return true if set
   */
  public boolean hasAppToken() {
    return appToken != null;
  }

  /**
   * Whether a user-context access token is set.
   *
   * @return true if set
   */
  public boolean hasUserToken() {
    return userToken != null;
  }

  /** The token for app-level reads: the app token, else the user token. */
  String readToken() {
    return appToken != null ? appToken : userToken;
  }

  /** The user token, for posting. */
  Optional<String> userToken() {
    return Optional.ofNullable(userToken);
  }

  /** Replaces any token inside a text the API sent back, so it cannot reach a message. */
  String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String t : new String[] {appToken, userToken}) {
      if (t != null && out.contains(t)) {
        out = out.replace(t, "[redacted]");
      }
    }
    return out;
  }

  /**
   * Says which tokens are set, never the tokens.
   *
   * @return for example {@code XApiCredentials[app token: set, user token: not set]}
   */
  @Override
  public String toString() {
    return "XApiCredentials[app token: "
        + (appToken != null ? "set" : "not set")
        + ", user token: "
        + (userToken != null ? "set" : "not set")
        + "]";
  }

  private static String emptyToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static void check(String field, String token) {
    if (token == null) {
      return;
    }
    if (token.isBlank()) {
      throw new IllegalArgumentException(field + ": must not be blank");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c <= ' ' || c == 0x7f) {
        throw new IllegalArgumentException(
            field + ": must not contain whitespace or control characters");
      }
    }
  }
}
