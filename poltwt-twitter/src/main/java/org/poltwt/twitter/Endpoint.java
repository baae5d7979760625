package org.poltwt.twitter;

/** The X API operations this adapter calls, each named by its method and path template. */
enum Endpoint {
  USER_BY_USERNAME("GET", "/2/users/by/username/{username}", false),
  USERS_BY_USERNAMES("GET", "/2/users/by", false),
  SEARCH_RECENT("GET", "/2/tweets/search/recent", false),
  TWEETS_BY_IDS("GET", "/2/tweets", false),
  CREATE_TWEET("POST", "/2/tweets", true);

  final String method;
  final String template;
  final boolean userContext;

  Endpoint(String method, String template, boolean userContext) {
    this.method = method;
    this.template = template;
    this.userContext = userContext;
  }

  /**
   * The name used in messages and as the rate-limit key, e.g. {@code GET /2/tweets/search/recent}.
   */
  String label() {
    return method + " " + template;
  }
}
