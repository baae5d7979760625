/**
 * Tweets: the {@link org.poltwt.tweet.Tweet} model, and {@link org.poltwt.tweet.Hashtags} and
 * {@link org.poltwt.tweet.TweetLength} by Twitter's own definitions. Reading and writing X API JSON
 * is in {@link org.poltwt.tweet.io}, composing in {@link org.poltwt.tweet.compose}, the event's
 * rules in {@link org.poltwt.compliance}.
 */
package org.poltwt.tweet;
