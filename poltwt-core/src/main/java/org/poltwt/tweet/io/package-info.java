/**
 * Reading and writing tweets as the X API v2 gives them: {@link org.poltwt.tweet.io.TweetReader}
 * streams search pages and JSON Lines, reporting each malformed record as a {@link
 * org.poltwt.tweet.io.MalformedTweet}; {@link org.poltwt.tweet.io.TweetWriter} writes JSON Lines
 * that the reader reads back.
 */
package org.poltwt.tweet.io;
