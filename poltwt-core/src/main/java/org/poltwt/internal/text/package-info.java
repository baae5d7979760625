/**
 * The text engine: hashtag and URL scanning the way twitter-text extracts them, top-level domains,
 * weighted length (code point weights, emoji sequences, NFC), and hashtag folding. {@link
 * org.poltwt.tweet.Hashtags}, {@link org.poltwt.tweet.TweetLength}, the reader and the compliance
 * checker each reach it through one call.
 *
 * <p>Not part of the public API: these types may change in any release. No public signature of
 * another package exposes them.
 */
package org.poltwt.internal.text;
