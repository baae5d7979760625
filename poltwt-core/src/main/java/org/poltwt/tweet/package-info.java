/**
 * Tweets: the {@link org.poltwt.tweet.Tweet} model, {@link org.poltwt.tweet.Hashtags} and {@link
 * org.poltwt.tweet.TweetLength} by Twitter's own definitions, compliance checks and the composer.
 */
package org.poltwt.tweet;
