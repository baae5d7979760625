package org.poltwt.tweet.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.poltwt.internal.text.EntitySpans;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

/**
 * Fits a text and its hashtags into one tweet, shortening the text if it must.
 *
 * <p>The text is cut at the latest word boundary (a space, or a boundary beside a Han or kana
 * character, scripts written without spaces) that lets the shortened text, an ellipsis and the
 * hashtags the shortened text no longer carries fit in {@value TweetLength#MAX_WEIGHTED_LENGTH}
 * weighted characters. When a word boundary would lose more than a quarter of what fits (a very
 * long word, a text without spaces), the latest grapheme-cluster boundary that fits is used
 * instead. A cut never falls inside a URL, hashtag, mention or cashtag (those are kept whole or
 * dropped whole) nor inside a grapheme cluster (a surrogate pair, an emoji sequence, a letter with
 * its combining marks), and never makes an entity of what was none.
 */
final class TweetFit {
  /** The ellipsis appended to shortened text (U+2026). */
  static final String ELLIPSIS = "\u2026";

  private static final Pattern GRAPHEME = Pattern.compile("\\X");

  private TweetFit() {}

  /**
   * A range of UTF-16 indices, {@code [start, end)}.
   *
   * @param start the first index
   * @param end the index after the last
   */
  record Span(int start, int end) {
    boolean overlaps(int from, int to) {
      return start < to && from < end;
    }

    boolean strictlyContains(int index) {
      return start < index && index < end;
    }
  }

  /**
   * Returns the spans of the text's entities as Twitter reads them: URLs, hashtags, mentions and
   * cashtags.
   *
   * @param text the text
   * @param urls the text's URLs, as {@link #urls(String)} gives them
   * @return the spans, ordered by start
   */
  static List<Span> entities(String text, List<Span> urls) {
    List<Span> spans = new ArrayList<>(urls);
    int index = 0;
    int codePoints = 0;
    for (Hashtag h : Hashtags.extract(text)) { // code-point indices, in order
      int start = text.offsetByCodePoints(index, h.start() - codePoints);
      int end = text.offsetByCodePoints(start, h.end() - h.start());
      spans.add(new Span(start, end));
      index = end;
      codePoints = h.end();
    }
    // A list mention is one entity: cut after its handle, it would mention the account instead.
    addSpans(spans, EntitySpans.mentionsOrLists(text));
    addSpans(spans, EntitySpans.cashtags(text));
    spans.sort(Comparator.comparingInt(Span::start));
    return spans;
  }

  /**
   * Returns the spans of the text's URLs as Twitter reads them.
   *
   * @param text the text
   * @return the spans in order
   */
  static List<Span> urls(String text) {
    int[] urls = EntitySpans.urls(text);
    if (urls.length == 0) {
      return List.of();
    }
    List<Span> spans = new ArrayList<>(urls.length / 2);
    addSpans(spans, urls);
    return spans;
  }

  /** Adds the spans of {@code [start, end, ...]}. */
  private static void addSpans(List<Span> spans, int[] startsAndEnds) {
    for (int i = 0; i < startsAndEnds.length; i += 2) {
      spans.add(new Span(startsAndEnds[i], startsAndEnds[i + 1]));
    }
  }

  /**
   * Fits a text and hashtags into one tweet.
   *
   * @param body the normalised, non-blank text
   * @param tags the hashtags (without {@code #}) the tweet must carry, the event's first
   * @return the tweet text: the body (shortened if need be) followed by each tag it does not carry,
   *     or null if not even the first grapheme of the body fits beside the tags
   */
  static String fit(String body, List<String> tags) {
    String whole = tagged(body, tags);
    if (TweetLength.weighted(whole) <= TweetLength.MAX_WEIGHTED_LENGTH) {
      return whole;
    }
    List<Span> urls = urls(body);
    List<Span> entities = entities(body, urls);
    List<Integer> graphemeCuts = graphemeCuts(body, entities, urls);
    String atWord = longestFitting(body, wordCuts(body, graphemeCuts), entities, tags);
    String atGrapheme = longestFitting(body, graphemeCuts, entities, tags);
    if (atWord == null || atGrapheme == null) {
      return atGrapheme;
    }
    // A very long word (a pasted code, a text without spaces) would leave little at a word
    // boundary.
    return atWord.length() * 4 >= atGrapheme.length() * 3 ? atWord : atGrapheme;
  }

  /** Appends each tag the text does not carry yet, in order. */
  static String tagged(String text, List<String> tags) {
    StringBuilder out = new StringBuilder(text);
    for (String tag : tags) {
      if (!Hashtags.carries(text, tag)) {
        out.append(out.length() == 0 ? "#" : " #").append(tag);
      }
    }
    return out.toString();
  }

  /**
   * Finds the longest shortening at one of the cuts that fits. Weighted length grows with the cut
   * almost everywhere, so a binary search finds it; every candidate it returns was measured.
   */
  private static String longestFitting(
      String body, List<Integer> cuts, List<Span> entities, List<String> tags) {
    Set<Span> known = new HashSet<>(entities);
    int hi = cuts.size();
    while (true) {
      int lo = -1;
      String best = null;
      String bestShortened = null;
      while (hi - lo > 1) {
        int mid = (lo + hi) >>> 1;
        String shortened = shortened(body, cuts.get(mid), entities);
        if (shortened == null) {
          lo = mid; // nothing kept yet: a later cut keeps more
          continue;
        }
        String candidate = tagged(shortened, tags);
        if (TweetLength.weighted(candidate) <= TweetLength.MAX_WEIGHTED_LENGTH) {
          lo = mid;
          best = candidate;
          bestShortened = shortened;
        } else {
          hi = mid;
        }
      }
      if (best == null || !makesEntities(bestShortened, known)) {
        return best;
      }
      hi = lo; // rare: look for an earlier cut
    }
  }

  /**
   * Whether shortening made an entity the body did not have: cutting {@code #tag#more} or {@code
   * #tag://x} after {@code #tag} makes a hashtag of what was none, cutting {@code example.comx}
   * after {@code .com} a URL. Such cuts are not taken; an earlier one is.
   */
  private static boolean makesEntities(String shortened, Set<Span> known) {
    for (Span s : entities(shortened, urls(shortened))) {
      if (!known.contains(s)) {
        return true;
      }
    }
    return false;
  }

  /** The body cut at {@code cut}, with an ellipsis; null if nothing would be kept. */
  private static String shortened(String body, int cut, List<Span> entities) {
    int end = cut;
    while (end > 0 && isTrimmable(body.charAt(end - 1)) && !insideEntity(entities, end - 1)) {
      end--;
    }
    if (end == 0) {
      return null;
    }
    boolean afterEntity = false;
    for (Span s : entities) {
      afterEntity |= s.end() == end;
    }
    return body.substring(0, end) + (afterEntity ? " " : "") + ELLIPSIS;
  }

  private static boolean isTrimmable(char c) {
    return Character.isWhitespace(c)
        || c == ','
        || c == ';'
        || c == ':'
        || c == '.'
        || c == '-'
        || c == '\u2013'
        || c == '\u2014'
        || c == '('
        || c == '['
        || c == '#'
        || c == '\uFF03'
        || c == '@'
        || c == '\uFF20'
        || c == '$';
  }

  private static boolean insideEntity(List<Span> entities, int index) {
    for (Span s : entities) {
      if (s.start() <= index && index < s.end()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Grapheme-cluster boundaries strictly inside the body and outside every entity, ascending. Every
   * cluster outside a URL weighs at least 1, so cuts after the 281st such cluster cannot fit and
   * are left out: measuring stays cheap however long the body is.
   */
  private static List<Integer> graphemeCuts(String body, List<Span> entities, List<Span> urls) {
    boolean[] inside = new boolean[body.length() + 1];
    for (Span s : entities) {
      Arrays.fill(inside, s.start() + 1, s.end(), true);
    }
    List<Integer> cuts = new ArrayList<>();
    Matcher m = GRAPHEME.matcher(body);
    int u = 0;
    int weighed = 0;
    while (m.find()) {
      int cut = m.end();
      if (cut >= body.length()) {
        break;
      }
      while (u < urls.size() && urls.get(u).end() <= m.start()) {
        u++;
      }
      if (u >= urls.size() || !urls.get(u).overlaps(m.start(), cut)) {
        weighed++;
        if (weighed > TweetLength.MAX_WEIGHTED_LENGTH) {
          break;
        }
      }
      if (!inside[cut]) {
        cuts.add(cut);
      }
    }
    return cuts;
  }

  /** The grapheme cuts that are also word boundaries. */
  private static List<Integer> wordCuts(String body, List<Integer> graphemeCuts) {
    List<Integer> cuts = new ArrayList<>();
    for (int cut : graphemeCuts) {
      int before = body.codePointBefore(cut);
      int after = body.codePointAt(cut);
      boolean space = Character.isWhitespace(after) && !Character.isWhitespace(before);
      if (space || isWrittenWithoutSpaces(before) || isWrittenWithoutSpaces(after)) {
        cuts.add(cut);
      }
    }
    return cuts;
  }

  private static boolean isWrittenWithoutSpaces(int cp) {
    Character.UnicodeScript script = Character.UnicodeScript.of(cp);
    if (script == Character.UnicodeScript.HAN
        || script == Character.UnicodeScript.HIRAGANA
        || script == Character.UnicodeScript.KATAKANA) {
      return true;
    }
    return cp >= 0x3000 && cp <= 0x303F; // CJK symbols and punctuation: 、。「」
  }
}
