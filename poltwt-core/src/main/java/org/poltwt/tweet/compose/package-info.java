/**
 * Writing tweets for the three participation models: {@link org.poltwt.tweet.compose.TweetComposer}
 * appends the event's hashtags, fits a text within the weighted length, and redacts personal data
 * from a {@link org.poltwt.tweet.compose.CallForService}.
 */
package org.poltwt.tweet.compose;
