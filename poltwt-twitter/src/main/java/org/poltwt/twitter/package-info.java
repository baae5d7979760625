/**
 * The X API v2 adapter on {@code java.net.http} and Jackson: account lookup, harvesting the
 * event's hashtag, and posting, with rate limits and safe retries.
 *
 * <p>The adapter arrives with the registration and tweet model; until then this module holds no
 * public types.
 */
package org.poltwt.twitter;
