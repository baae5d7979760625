/**
 * The X API v2 adapter on {@code java.net.http} and Jackson: looking up accounts ({@link
 * org.poltwt.twitter.XApiAccountDirectory}), harvesting an edition's tweets ({@link
 * org.poltwt.twitter.XApiTweetSource}) and posting ({@link org.poltwt.twitter.XApiTweetPublisher}),
 * all over one {@link org.poltwt.twitter.XApiClient} that keeps to the rate limits and retries
 * safely.
 *
 * <p>Tokens come from the caller or from the environment variables {@code POLTWT_X_BEARER_TOKEN}
 * and {@code POLTWT_X_USER_TOKEN} ({@link org.poltwt.twitter.XApiCredentials}), and never appear in
 * a message, a log line or a {@code toString()}. Failures are {@link
 * org.poltwt.twitter.XApiException}s.
 */
package org.poltwt.twitter;
