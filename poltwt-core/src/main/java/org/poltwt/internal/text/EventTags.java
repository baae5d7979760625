package org.poltwt.internal.text;

import java.util.List;

/**
 * An edition's hashtag and theme hashtags, folded once, and which of them a text or a list of
 * entities carries, answered as {@link HashtagScanner#carries} answers for one tag.
 *
 * <p>The answer is a set of bits: {@link #HASHTAG} when the edition's hashtag is an entity, {@link
 * #THEME} when a theme is an entity other than the first that matched the hashtag. Immutable and
 * thread-safe.
 */
public final class EventTags {
  /** The edition's hashtag is carried. */
  public static final int HASHTAG = 1;

  /** A theme hashtag is carried. */
  public static final int THEME = 2;

  private final int[] hashtag;
  private final int[][] themes;
  private final int all;

  private EventTags(int[] hashtag, int[][] themes) {
    this.hashtag = hashtag;
    this.themes = themes;
    this.all = themes.length == 0 ? HASHTAG : HASHTAG | THEME;
  }

  /**
   * The tags of an edition.
   *
   * @param hashtag the event hashtag, without its hash sign
   * @param themes the theme hashtags, without their hash signs
   * @return the folded tags
   */
  public static EventTags of(String hashtag, List<String> themes) {
    int[][] folded = new int[themes.size()][];
    for (int i = 0; i < folded.length; i++) {
      folded[i] = TagFold.folded(themes.get(i));
    }
    return new EventTags(TagFold.folded(hashtag), folded);
  }

  /**
   * Which of the tags a list of hashtag entities carries, compared one by one.
   *
   * @param tags the entities' tags, without hash signs, in the text's order
   * @return {@link #HASHTAG} and {@link #THEME} bits
   */
  public int carriedBy(List<String> tags) {
    int found = 0;
    for (int i = 0, n = tags.size(); i < n && !complete(found); i++) {
      found = with(found, tags.get(i));
    }
    return found;
  }

  /**
   * Adds one entity's tag to what was found: a first match of the hashtag, then any theme. Lets a
   * caller holding entities of another type compare them without copying their tags.
   *
   * @param found {@link #HASHTAG} and {@link #THEME} bits found so far
   * @param tag the entity's tag, without its hash sign
   * @return the bits with this tag's added
   */
  public int with(int found, String tag) {
    return step(
        found, TagFold.matches(tag, 0, tag.length(), hashtag), isTheme(tag, 0, tag.length()));
  }

  /**
   * Whether nothing more can be found: the hashtag, and a theme if the edition has any.
   *
   * @param found {@link #HASHTAG} and {@link #THEME} bits found so far
   * @return true if further entities cannot change {@code found}
   */
  public boolean complete(int found) {
    return found == all;
  }

  /**
   * Which of the tags a text carries as hashtag entities: the hash signs the scan found are matched
   * and their tags compared in place, and the URLs, which can only drop a tag, are looked for only
   * when a tag matched and the text may hold one, and only up to that tag.
   *
   * @param text the text
   * @param scan the text's scan
   * @return {@link #HASHTAG} and {@link #THEME} bits
   */
  public int carriedBy(String text, TextScan scan) {
    int[] tags = scan.candidates(text);
    if (tags.length == 0) {
      return 0;
    }
    // Two bits per candidate (hashtag, theme), while they fit in a long; beyond 32 candidates the
    // entities are extracted and compared as usual.
    if (tags.length > 64) {
      return carriedBy(HashtagScanner.tags(text));
    }
    long matched = 0;
    int last = -1;
    for (int t = 0; t < tags.length; t += 2) {
      boolean h = TagFold.matches(text, tags[t] + 1, tags[t + 1], hashtag);
      boolean th = !h && isTheme(text, tags[t] + 1, tags[t + 1]);
      if (h || th) {
        matched |= (h ? 1L : 2L) << t;
        last = t;
      }
    }
    if (last < 0) {
      return 0;
    }
    int[] urls =
        scan.mayHoldUrl() && mayBeInUrl(text, tags, matched, last)
            ? UrlScanner.urls(text, tags[last])
            : UrlScanner.NONE;
    boolean[] kept = HashtagScanner.keptBeside(tags, urls);
    int found = 0;
    for (int t = 0; t <= last; t += 2) {
      long bits = matched >>> t;
      if (kept[t / 2] && (bits & 3L) != 0) {
        found = step(found, (bits & 1L) != 0, (bits & 2L) != 0);
      }
    }
    return found;
  }

  /**
   * Whether a URL could hold one of the matched tags' hash signs ({@link
   * HashtagScanner#mayBeInUrl}).
   */
  private static boolean mayBeInUrl(String text, int[] tags, long matched, int last) {
    for (int t = 0; t <= last; t += 2) {
      if (((matched >>> t) & 3L) != 0 && HashtagScanner.mayBeInUrl(text, tags[t])) {
        return true;
      }
    }
    return false;
  }

  /** Adds one kept entity to what was found, as a first match of the hashtag and then any theme. */
  private static int step(int found, boolean isHashtag, boolean isTheme) {
    if ((found & HASHTAG) == 0 && isHashtag) {
      return found | HASHTAG;
    }
    return isTheme ? found | THEME : found;
  }

  /** Whether {@code tag[from, to)} is one of the edition's themes. */
  private boolean isTheme(String tag, int from, int to) {
    for (int[] t : themes) {
      if (TagFold.matches(tag, from, to, t)) {
        return true;
      }
    }
    return false;
  }
}
