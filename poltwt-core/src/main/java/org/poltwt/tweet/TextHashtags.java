package org.poltwt.tweet;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A text's hashtag entities, extracted by {@link Hashtags#extract(String)} the first time they are
 * read. The list {@link Tweet.Builder#build()} and {@link TweetReader} give a tweet: most tweets
 * that are read are only checked, and {@link ComplianceChecker} can answer from the text without
 * building the entities, so a tweet whose hashtags nobody asks for never pays for them.
 *
 * <p>Unmodifiable. Thread-safe: extraction is a pure function of the text, so two threads that
 * race on the first read both compute the same entities and either result may be kept.
 */
final class TextHashtags extends AbstractList<Hashtag> implements RandomAccess {
  private final String text;
  /** The checker's scan of the text, when the reader made it from the chars it had decoded. */
  private final ScanTweet scan;
  private volatile List<Hashtag> tags;

  TextHashtags(String text, ScanTweet scan) {
    this.text = text;
    this.scan = scan;
  }

  /** The scan of the text: the reader's, or a new one. */
  ScanTweet scan() {
    return scan != null ? scan : ScanTweet.of(text);
  }

  /** Whether these are the hashtags of exactly this text object. */
  boolean of(String s) {
    return text == s;
  }

  /** Whether the entities were extracted already. */
  boolean extracted() {
    return tags != null;
  }

  private List<Hashtag> tags() {
    List<Hashtag> t = tags;
    if (t == null) {
      t = List.copyOf(Hashtags.extract(text));
      tags = t;
    }
    return t;
  }

  @Override
  public Hashtag get(int index) {
    return tags().get(index);
  }

  @Override
  public int size() {
    return tags().size();
  }
}
