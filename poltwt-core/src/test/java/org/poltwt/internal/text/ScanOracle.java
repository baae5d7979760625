package org.poltwt.internal.text;

import com.twitter.twittertext.Extractor;
import com.twitter.twittertext.TwitterTextConfiguration;
import com.twitter.twittertext.TwitterTextParseResults;
import com.twitter.twittertext.TwitterTextParser;
import java.util.ArrayList;
import java.util.List;
import org.poltwt.tweet.Hashtag;
import org.poltwt.tweet.Hashtags;

/** twitter-text 3.1.0, called directly: the oracle the scanner is compared with. */
public final class ScanOracle {
  private static final Extractor EXTRACTOR = new Extractor();

  /** twitter-text's default configuration is v3. */
  static final TwitterTextConfiguration V3 = TwitterTextConfiguration.getDefaultConfig();

  /** v2 is v3 without emoji parsing (3.1.0 ships no JSON loader; the ranges are the same). */
  static final TwitterTextConfiguration V2 =
      new TwitterTextConfiguration.Builder()
          .setVersion(2)
          .setMaxWeightedTweetLength(280)
          .setScale(100)
          .setDefaultWeight(200)
          .setEmojiParsingEnabled(false)
          .setTransformedURLLength(23)
          .setRanges(V3.getRanges())
          .build();

  private ScanOracle() {}

  /**
   * twitter-text's hashtag entities, with indices turned into code points as {@link Hashtag} has
   * them.
   */
  static List<Hashtag> hashtags(String text) {
    List<Extractor.Entity> entities = EXTRACTOR.extractHashtagsWithIndices(text);
    EXTRACTOR.modifyIndicesFromUTF16ToUnicode(text, entities);
    List<Hashtag> out = new ArrayList<>();
    for (Extractor.Entity e : entities) {
      out.add(new Hashtag(e.getValue(), e.getStart(), e.getEnd()));
    }
    return out;
  }

  /** twitter-text's URL entities, {@code [start, end, ...]} in UTF-16 indices. */
  static int[] urls(String text) {
    List<Extractor.Entity> entities = EXTRACTOR.extractURLsWithIndices(text);
    int[] out = new int[entities.size() * 2];
    for (int i = 0; i < entities.size(); i++) {
      out[2 * i] = entities.get(i).getStart();
      out[2 * i + 1] = entities.get(i).getEnd();
    }
    return out;
  }

  /** twitter-text's mentions without lists, {@code [start, end, ...]} in UTF-16 indices. */
  static int[] mentions(String text) {
    return spans(EXTRACTOR.extractMentionedScreennamesWithIndices(text));
  }

  /** twitter-text's mentions and lists, {@code [start, end, ...]} in UTF-16 indices. */
  static int[] mentionsOrLists(String text) {
    return spans(EXTRACTOR.extractMentionsOrListsWithIndices(text));
  }

  /** twitter-text's cashtags, {@code [start, end, ...]} in UTF-16 indices. */
  static int[] cashtags(String text) {
    return spans(EXTRACTOR.extractCashtagsWithIndices(text));
  }

  private static int[] spans(List<Extractor.Entity> entities) {
    int[] out = new int[entities.size() * 2];
    for (int i = 0; i < entities.size(); i++) {
      out[2 * i] = entities.get(i).getStart();
      out[2 * i + 1] = entities.get(i).getEnd();
    }
    return out;
  }

  /** twitter-text's parse, as a {@link WeightedCount}. */
  static WeightedCount parse(String text, TwitterTextConfiguration config) {
    TwitterTextParseResults r = TwitterTextParser.parseTweet(text, config);
    return new WeightedCount(
        r.weightedLength,
        r.permillage,
        r.isValid,
        r.displayTextRange.start,
        r.displayTextRange.end,
        r.validTextRange.start,
        r.validTextRange.end);
  }

  /** Whether twitter-text extracts the tag, compared as {@link Hashtags#carries} compares. */
  public static boolean carries(String text, String tag) {
    for (Hashtag h : hashtags(text)) {
      if (TagFold.matches(h.tag(), 0, h.tag().length(), TagFold.folded(tag))) {
        return true;
      }
    }
    return false;
  }

  /** A text with its non-printable-ASCII chars escaped, for failure messages. */
  static String show(String s) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        b.append(c);
      } else {
        b.append(String.format("\\u%04X", (int) c));
      }
    }
    return b.toString();
  }
}
