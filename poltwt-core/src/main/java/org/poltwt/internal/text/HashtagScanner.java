package org.poltwt.internal.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds hashtags the way twitter-text 3.1.0's {@code Extractor.extractHashtagsWithIndices} does,
 * without a regular expression.
 *
 * <p>The rules (twitter-text's hashtag pattern, searched left to right, each search resuming after
 * the previous match): a hash sign ({@code #} or full-width {@code ＃}) at the start of the text, or
 * after one code point that is VS15, VS16, or neither {@code &} nor a {@linkplain
 * HashtagChars#isHashtagChar hashtag char} and was not part of the previous match; not followed by
 * VS16 or the keycap mark U+20E3; then the longest run of hashtag chars, which must hold a
 * {@linkplain HashtagChars#isLetterOrMark letter or mark}. A match directly followed by a hash sign
 * or {@code ://} is dropped. Last, a hashtag that starts inside a URL which is kept is dropped
 * (entities sorted by start, hashtags before URLs at equal starts; an entity overlapping the last
 * kept one is dropped).
 */
public final class HashtagScanner {
  private static final char HASH = '#';
  private static final char FULLWIDTH_HASH = '\uFF03';
  private static final int VS15 = 0xFE0E;
  private static final int VS16 = 0xFE0F;
  private static final int KEYCAP = 0x20E3;

  private HashtagScanner() {}

  /**
   * The hashtag entities of a text as twitter-text extracts them: the candidates that no URL
   * overlaps.
   *
   * @param s the text
   * @return {@code [hash0, end0, hash1, end1, ...]} in UTF-16 indices, as {@link
   *     #candidates(String)}
   */
  public static int[] entities(String s) {
    int[] tags = candidates(s);
    if (tags.length == 0) {
      return tags;
    }
    boolean[] kept = keptBeside(tags, UrlScanner.urls(s, tags[tags.length - 2]));
    int n = 0;
    for (boolean k : kept) {
      n += k ? 2 : 0;
    }
    if (n == tags.length) {
      return tags;
    }
    int[] out = new int[n];
    for (int t = 0, o = 0; t < tags.length; t += 2) {
      if (kept[t / 2]) {
        out[o++] = tags[t];
        out[o++] = tags[t + 1];
      }
    }
    return out;
  }

  /**
   * The tags of a text's hashtag entities, without their hash signs.
   *
   * @param s the text
   * @return the tags in the text's order
   */
  static List<String> tags(String s) {
    int[] e = entities(s);
    List<String> out = new ArrayList<>(e.length / 2);
    for (int t = 0; t < e.length; t += 2) {
      out.add(s.substring(e[t] + 1, e[t + 1]));
    }
    return out;
  }

  /**
   * Whether a text carries a tag as a hashtag entity. Only the URLs that could drop a matching
   * candidate are looked for, and only up to the last one.
   *
   * @param s the text
   * @param wanted the tag, {@linkplain TagFold#folded folded}
   * @return true if an entity of {@code s} matches {@code wanted}
   */
  public static boolean carries(String s, int[] wanted) {
    if (wanted.length == 0) {
      return false;
    }
    int[] tags = candidates(s);
    int lastMatch = -1;
    for (int t = 0; t < tags.length; t += 2) {
      if (TagFold.matches(s, tags[t] + 1, tags[t + 1], wanted)) {
        if (!mayBeInUrl(s, tags[t])) {
          return true; // kept whatever the URLs are
        }
        lastMatch = t;
      }
    }
    if (lastMatch < 0) {
      return false;
    }
    boolean[] kept = keptBeside(tags, UrlScanner.urls(s, tags[lastMatch]));
    for (int t = 0; t <= lastMatch; t += 2) {
      if (kept[t / 2] && TagFold.matches(s, tags[t] + 1, tags[t + 1], wanted)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The hashtag matches before URLs are considered.
   *
   * @param s the text
   * @return {@code [hash0, end0, hash1, end1, ...]} in UTF-16 indices (the tag is {@code hash + 1}
   *     to {@code end})
   */
  static int[] candidates(String s) {
    return candidates(s, null, 0);
  }

  /**
   * The hashtag matches before URLs are considered, given where the hash signs are.
   *
   * @param s the text
   * @param hashes the index of every hash sign of {@code s} in order (its first {@code count}
   *     entries), or null to search the text for them
   * @param count how many entries of {@code hashes} to use
   * @return as {@link #candidates(String)}
   */
  static int[] candidates(String s, int[] hashes, int count) {
    int n = s.length();
    int[] out = UrlScanner.NONE;
    int found = 0;
    int pos = 0;
    int k = 0;
    int h = hashes == null ? nextHash(s, 0) : count > 0 ? hashes[k++] : -1;
    while (h >= 0) {
      int end = matchAt(s, h, pos);
      int from = h + 1;
      if (end >= 0) {
        pos = end;
        from = end;
        boolean dropped =
            end < n
                && (s.charAt(end) == HASH
                    || s.charAt(end) == FULLWIDTH_HASH
                    || (end + 2 < n
                        && s.charAt(end) == ':'
                        && s.charAt(end + 1) == '/'
                        && s.charAt(end + 2) == '/'));
        if (!dropped) {
          if (found == out.length) {
            out = Arrays.copyOf(out, Math.max(4, found * 2));
          }
          out[found++] = h;
          out[found++] = end;
        }
      }
      if (hashes == null) {
        h = nextHash(s, from);
      } else {
        while (k < count && hashes[k] < from) {
          k++;
        }
        h = k < count ? hashes[k++] : -1;
      }
    }
    return found == out.length ? out : Arrays.copyOf(out, found);
  }

  /**
   * The hashtag match whose hash sign is at {@code h}: the end of its tag, or -1.
   *
   * @param pos where the search resumed: the code point before the hash sign must start there or
   *     later
   */
  private static int matchAt(String s, int h, int pos) {
    int n = s.length();
    if (h > 0) {
      int b = h - 1;
      if (Character.isLowSurrogate(s.charAt(b))
          && b > 0
          && Character.isHighSurrogate(s.charAt(b - 1))) {
        b--;
      }
      if (b < pos) {
        return -1;
      }
      int before = Character.codePointAt(s, b);
      if (before != VS15
          && before != VS16
          && (before == '&' || HashtagChars.isHashtagChar(before))) {
        return -1;
      }
    }
    int i = h + 1;
    if (i < n && (s.charAt(i) == VS16 || s.charAt(i) == KEYCAP)) {
      return -1;
    }
    boolean letter = false;
    while (i < n) {
      char c = s.charAt(i);
      if (c < 0x80) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
          letter = true;
        } else if (!((c >= '0' && c <= '9') || c == '_')) {
          break;
        }
        i++;
      } else {
        int cp = Character.codePointAt(s, i);
        if (!HashtagChars.isHashtagChar(cp)) {
          break;
        }
        letter = letter || HashtagChars.isLetterOrMark(cp);
        i += Character.charCount(cp);
      }
    }
    return letter ? i : -1;
  }

  private static int nextHash(String s, int from) {
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == HASH || c == FULLWIDTH_HASH) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a URL could hold the hash sign at {@code hash}, and so drop its candidate. Such a URL
   * starts before the sign and holds no white space, and its host, which cannot hold a hash sign,
   * comes first; so the host's TLD dot lies between the sign and the white space before it. False
   * means the candidate is kept whatever the URLs are.
   *
   * @param s the text
   * @param hash the index of a candidate's hash sign
   * @return true if a dot that could begin a TLD lies between it and the ASCII white space before
   *     it
   */
  static boolean mayBeInUrl(String s, int hash) {
    for (int i = hash - 1; i >= 0; i--) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        return false;
      }
      if (c == '.' && UrlTlds.mayStartTld(s.charAt(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Drops the candidates that a kept URL overlaps, as twitter-text does.
   *
   * @param tags {@code [hash, end]} pairs, in order
   * @param urls {@code [start, end]} pairs, in order
   * @return a flag per candidate: true if it is kept
   */
  static boolean[] keptBeside(int[] tags, int[] urls) {
    boolean[] kept = new boolean[tags.length / 2];
    int lastEnd = Integer.MIN_VALUE;
    int t = 0;
    int u = 0;
    while (t < tags.length || u < urls.length) {
      boolean tagFirst = u >= urls.length || (t < tags.length && tags[t] <= urls[u]);
      int start = tagFirst ? tags[t] : urls[u];
      int end = tagFirst ? tags[t + 1] : urls[u + 1];
      boolean keep = lastEnd <= start;
      if (keep) {
        lastEnd = end;
      }
      if (tagFirst) {
        kept[t / 2] = keep;
        t += 2;
      } else {
        u += 2;
      }
    }
    return kept;
  }
}
