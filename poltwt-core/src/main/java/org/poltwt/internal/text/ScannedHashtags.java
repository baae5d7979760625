package org.poltwt.internal.text;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import java.util.function.Function;

/**
 * A text's hashtag entities, extracted the first time they are read, with the text's {@link
 * TextScan} when the reader made one from the chars it decoded. Most tweets that are read are only
 * checked, and the compliance checker answers from the scan without building the entities, so a
 * tweet whose hashtags nobody asks for never pays for them.
 *
 * <p>Generic in the entity type so that this package does not depend on the tweet model; the model
 * passes its own extraction.
 *
 * <p>Unmodifiable. Thread-safe: extraction is a pure function of the text, so two threads that race
 * on the first read both compute the same entities and either result may be kept.
 *
 * @param <T> the entity type
 */
public final class ScannedHashtags<T> extends AbstractList<T> implements RandomAccess {
  private final String text;
  private final TextScan scan;
  private final Function<String, List<T>> extraction;
  private volatile List<T> tags;

  /**
   * Entities of a text, extracted on first read.
   *
   * @param text the text
   * @param scan the reader's scan of exactly this text, or null to scan when asked
   * @param extraction extracts the entities from the text
   */
  public ScannedHashtags(String text, TextScan scan, Function<String, List<T>> extraction) {
    this.text = text;
    this.scan = scan;
    this.extraction = extraction;
  }

  /**
   * The scan of the text: the reader's, or a new one.
   *
   * @return the scan
   */
  public TextScan scan() {
    return scan != null ? scan : TextScan.of(text);
  }

  /**
   * Whether these are the hashtags of exactly this text object.
   *
   * @param s a text
   * @return true if {@code s} is the very text these entities are of
   */
  public boolean of(String s) {
    return text == s;
  }

  /**
   * Whether the entities were extracted already.
   *
   * @return true once any entity has been read
   */
  public boolean extracted() {
    return tags != null;
  }

  private List<T> tags() {
    List<T> t = tags;
    if (t == null) {
      t = List.copyOf(extraction.apply(text));
      tags = t;
    }
    return t;
  }

  @Override
  public T get(int index) {
    return tags().get(index);
  }

  @Override
  public int size() {
    return tags().size();
  }
}
