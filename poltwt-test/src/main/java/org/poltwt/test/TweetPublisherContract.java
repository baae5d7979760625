package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.spi.PublishedTweet;
import org.poltwt.spi.TweetPublisher;

/**
 * The behaviour every {@link TweetPublisher} must have: each idempotency key is posted at most
 * once, a failed post can be retried with the same key, and bad input is refused before anything is
 * posted. An implementation's test extends this class and supplies {@link #newPublisher()} on a
 * platform where nothing was posted, {@link #posted()} to read back what the platform received, and
 * {@link #failNextPost()}. The test methods are public so that subclasses in any package inherit
 * them.
 */
public abstract class TweetPublisherContract {
  /** A text a publisher must accept. */
  protected static final String TEXT =
      "Officers helped a lost child find her parents at the fair. #PolTwt";

  /**
   * Creates a publisher on a platform where nothing has been posted; called once per test.
   *
   * @return the publisher
   */
  protected abstract TweetPublisher newPublisher();

  /**
   * Returns the texts the platform has received as posts, in order.
   *
   * @return the posted texts
   */
  protected abstract List<String> posted();

  /** Makes the platform fail the next post without posting it (an outage, a refusal). */
  protected abstract void failNextPost();

  /** A post is made, once, and its outcome names the key. */
  @Test
  public void aPostIsMadeOnce() {
    PublishedTweet result = newPublisher().publish("edition-6/call/1", TEXT);

    assertThat(result.idempotencyKey()).isEqualTo("edition-6/call/1");
    assertThat(result.alreadyPosted()).isFalse();
    assertThat(posted()).containsExactly(TEXT);
  }

  /** Publishing the same key again posts nothing and says it was posted before. */
  @Test
  public void theSameKeyIsPostedOnce() {
    TweetPublisher publisher = newPublisher();
    PublishedTweet first = publisher.publish("edition-6/call/2", TEXT);

    PublishedTweet again = publisher.publish("edition-6/call/2", TEXT);

    assertThat(again.alreadyPosted()).isTrue();
    assertThat(again.tweetId()).isEqualTo(first.tweetId());
    assertThat(posted()).containsExactly(TEXT);
  }

  /** Different keys are different posts. */
  @Test
  public void differentKeysAreDifferentPosts() {
    TweetPublisher publisher = newPublisher();

    publisher.publish("edition-6/call/3", TEXT);
    publisher.publish("edition-6/call/4", TEXT + " 2");

    assertThat(posted()).containsExactly(TEXT, TEXT + " 2");
  }

  /** A failed post throws, and a retry with the same key then posts exactly once. */
  @Test
  public void aFailedPostCanBeRetriedWithTheSameKey() {
    TweetPublisher publisher = newPublisher();
    failNextPost();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> publisher.publish("edition-6/call/5", TEXT));
    assertThat(posted()).isEmpty();

    PublishedTweet retried = publisher.publish("edition-6/call/5", TEXT);

    assertThat(retried.alreadyPosted()).isFalse();
    assertThat(posted()).containsExactly(TEXT);
  }

  /** A blank or null key, and a null, blank or too long text, are refused before any post. */
  @Test
  public void badInputIsRefusedBeforeAnythingIsPosted() {
    TweetPublisher publisher = newPublisher();

    assertThatThrownBy(() -> publisher.publish(null, TEXT))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.publish(" ", TEXT))
        .isInstanceOfAny(IllegalArgumentException.class, PoltwtException.class);
    assertThatThrownBy(() -> publisher.publish("edition-6/call/6", null))
        .isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class);
    assertThatThrownBy(() -> publisher.publish("edition-6/call/6", " "))
        .isInstanceOfAny(IllegalArgumentException.class, PoltwtException.class);
    assertThatThrownBy(() -> publisher.publish("edition-6/call/6", "x".repeat(281)))
        .isInstanceOfAny(IllegalArgumentException.class, PoltwtException.class);
    assertThat(posted()).isEmpty();
  }
}
