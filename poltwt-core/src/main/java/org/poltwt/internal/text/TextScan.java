package org.poltwt.internal.text;

import java.util.Arrays;

/**
 * One pass over a tweet's text for the compliance checker: where its hash signs are, whether it may
 * hold a URL, and an upper bound of its weighted length, so that most tweets are checked without
 * the full hashtag extraction or the exact weighted count.
 *
 * <p>The bound: in a text that NFC leaves unchanged (every char below U+0300 or {@linkplain
 * Nfc#isInert inert}), each BMP char weighs what its range gives it under configuration v3 (1 for
 * Latin to Georgian and some punctuation, else 2), and a supplementary code point at most 2, one
 * for each of its two chars. An emoji sequence weighs 2 in all, never more than its code points
 * (the single-code-point emoji all weigh 2 on their own), so emoji only lower the count. A URL
 * weighs 23 whatever its length; it is at least 4 chars ({@code a.co}), each weighing at least 1,
 * and its host holds a dot followed by the first char of a TLD, so each such dot adds at most 19. A
 * dot ending a sentence adds nothing.
 *
 * <p>When that bound is over the limit, {@link #weightCountingUrls} finds the URLs and puts each
 * one's 23 in place of its chars' weights, which is exact for the URLs and still only too high for
 * emoji; long links and texts with several links are then answered without the full count.
 */
public final class TextScan {
  private static final int MAX_WEIGHTED_LENGTH = WeightConfig.MAX_WEIGHTED_LENGTH;

  /** More hash signs than this and the hashtag scanner searches the text itself. */
  private static final int MAX_HASHES = 32;

  private static final int BOUND_PER_URL = 19;
  private static final int[] NO_HASHES = new int[0];

  /** The hash signs ({@code #} or {@code ＃}) in order, or null when there were too many to keep. */
  private final int[] hashes;

  private final int hashCount;

  /** The sum of the code points' weights (unscaled), exact when the text is {@link #nfcInert}. */
  private final int weights;

  private final int weightBound;
  private final boolean mayHoldUrl;
  private final boolean nfcInert;

  private TextScan(int[] hashes, int hashCount, int weights, int dots, boolean nfcInert) {
    this.hashes = hashes;
    this.hashCount = hashCount;
    this.weights = weights;
    this.weightBound = weights + BOUND_PER_URL * dots;
    this.mayHoldUrl = dots > 0;
    this.nfcInert = nfcInert;
  }

  /**
   * Scans a text.
   *
   * @param text the text
   * @return what the pass found
   */
  public static TextScan of(String text) {
    return of(text, text.toCharArray(), 0);
  }

  /**
   * Scans a text whose chars are at hand (a parser's buffer), without copying them again.
   *
   * @param text the text
   * @param chars an array holding the text's chars
   * @param offset where they start in {@code chars}
   * @return what the pass found
   */
  public static TextScan of(String text, char[] chars, int offset) {
    int n = text.length();
    long weighed = weigh(chars, offset, offset + n);
    int bound = (int) weighed;
    boolean inert = (weighed & NOT_INERT) == 0;
    boolean wideHash = (weighed & WIDE_HASH) != 0;
    // The hash signs and dots are found by String.indexOf, which is vectorised.
    int dots = 0;
    for (int i = text.indexOf('.'); i >= 0 && i + 1 < n; i = text.indexOf('.', i + 1)) {
      if (UrlTlds.mayStartTld(text.charAt(i + 1))) {
        dots++;
      }
    }
    int[] hashes = NO_HASHES;
    int hashCount = 0;
    for (int h = nextHash(text, 0, wideHash); h >= 0; h = nextHash(text, h + 1, wideHash)) {
      if (hashCount == hashes.length) {
        if (hashCount == MAX_HASHES) {
          hashes = null; // too many: the hashtag scanner searches the text itself
          break;
        }
        hashes = Arrays.copyOf(hashes, Math.max(4, hashCount * 2));
      }
      hashes[hashCount++] = h;
    }
    return new TextScan(hashes, hashCount, bound, dots, inert);
  }

  private static final long NOT_INERT = 1L << 32;
  private static final long WIDE_HASH = 1L << 33;

  /**
   * Every char weighs at least 1; those below U+0300 weigh exactly 1 and NFC leaves them alone, so
   * only the others are looked at, in a loop of its own over a copy of the chars (the JIT compiles
   * a small method's loops best: measured 20 % faster than the same loop inside {@link #of}, and
   * the inner loop over runs below U+0300 25 % faster again than one loop with a branch).
   *
   * @return the weight bound in the low 32 bits, with {@link #NOT_INERT} and {@link #WIDE_HASH}
   */
  private static long weigh(char[] t, int from, int n) {
    int bound = n - from;
    boolean inert = true;
    boolean wideHash = false;
    int i = from;
    while (true) {
      // Runs of chars below U+0300 in a loop this small are unrolled: most texts are mostly such
      // runs.
      while (i < n && t[i] < 0x300) {
        i++;
      }
      if (i >= n) {
        break;
      }
      char c = t[i];
      // One look-up answers most chars; surrogates and the marks NFC may change take the branch.
      if (!Nfc.isKnownInert(c)) {
        if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(t[i + 1])) {
          // Two chars, weighing at most 2 together: nothing to add.
          inert &= Nfc.isInert(Character.toCodePoint(c, t[i + 1]));
          i += 2;
          continue;
        }
        inert &=
            Nfc.isInert(c); // examines the char's block the first time; a lone surrogate is not
      }
      wideHash |= c == '\uFF03';
      bound += WeightConfig.V3.heavyBit(c); // v3 weighs 1 or 2
      i++;
    }
    return bound | (inert ? 0 : NOT_INERT) | (wideHash ? WIDE_HASH : 0);
  }

  private static int nextHash(String text, int from, boolean wideHash) {
    int hash = text.indexOf('#', from);
    if (!wideHash) {
      return hash;
    }
    int wide = text.indexOf('\uFF03', from);
    return hash < 0 ? wide : wide < 0 ? hash : Math.min(hash, wide);
  }

  /**
   * Whether the weighted length is certainly at most {@value WeightConfig#MAX_WEIGHTED_LENGTH}.
   * False means it must be counted.
   */
  boolean certainlyFits() {
    return nfcInert && weightBound <= MAX_WEIGHTED_LENGTH;
  }

  /**
   * The weighted length with the text's URLs found and weighed as they count (23 each in place of
   * their chars' weights), and each emoji sequence still weighed as its code points: exact for a
   * text without emoji, and too high otherwise (a sequence weighs 2 in all). Worth asking only when
   * {@link #certainlyFits()} said no.
   *
   * @param text the text this scan is of
   * @return that length, or -1 when the text is not {@linkplain #nfcInert inert} or a URL starts
   *     where an emoji sequence could step over it
   */
  int weightCountingUrls(String text) {
    if (!nfcInert) {
      return -1;
    }
    int[] urls = mayHoldUrl ? UrlScanner.urls(text) : UrlScanner.NONE;
    int length = weights;
    for (int u = 0; u < urls.length; u += 2) {
      int start = urls[u];
      // The counter weighs a URL only if it reaches the URL's start, which an emoji sequence taken
      // just before could step over; none holds two ASCII chars in a row, so with ASCII on both
      // sides of the start none does.
      if (text.charAt(start) >= 0x80 || (start > 0 && text.charAt(start - 1) >= 0x80)) {
        return -1;
      }
      length += WeightConfig.V3.transformedUrlLength - charWeights(text, start, urls[u + 1]);
    }
    return length;
  }

  /** The v3 weights of {@code text[from, to)}, as the scan adds them up. */
  private static int charWeights(String text, int from, int to) {
    int sum = to - from;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c >= 0x300 && !Character.isSurrogate(c)) {
        sum += WeightConfig.V3.heavyBit(c);
      }
    }
    return sum;
  }

  /** Whether NFC leaves the text as it is. False may also mean "not known to". */
  boolean nfcInert() {
    return nfcInert;
  }

  /** Whether the text has a dot that could begin a URL's TLD; without one it holds no URL. */
  boolean mayHoldUrl() {
    return mayHoldUrl;
  }

  /**
   * The hashtag matches before URLs are considered, as {@link HashtagScanner#candidates(String)}
   * gives them.
   */
  int[] candidates(String text) {
    return hashes == null
        ? HashtagScanner.candidates(text)
        : HashtagScanner.candidates(text, hashes, hashCount);
  }

  /**
   * A text's weighted length when it is over the limit, else 0: the scan's bound answers most
   * texts, the URLs and NFC some more, and only the rest are counted in full.
   *
   * @param text the text
   * @param scan the text's scan, or null to scan it here
   * @return 0 if the weighted length is at most {@value WeightConfig#MAX_WEIGHTED_LENGTH}, else the
   *     length
   */
  public static int lengthOverLimit(String text, TextScan scan) {
    int weighted = shortcutLength(text, scan != null ? scan : of(text));
    if (weighted < 0) {
      weighted = WeightedLength.count(text, WeightConfig.V3).weightedLength();
    }
    return weighted <= MAX_WEIGHTED_LENGTH ? 0 : weighted;
  }

  /**
   * Whether a text's weighted length is certainly within the limit, without counting it: the cheap
   * upper bound that lets most tweets skip the full count.
   *
   * @param text the text
   * @return true only if its weighted length is certainly at most {@value
   *     WeightConfig#MAX_WEIGHTED_LENGTH}
   */
  public static boolean certainlyFits(String text) {
    return shortcutLength(text, of(text)) == 0;
  }

  /**
   * What the length shortcut knows of a text's weighted length, without the full count: 0 when it
   * is certainly within the limit; the exact length when it is over the limit and no emoji sequence
   * could lower it; -1 when only the full count can tell.
   *
   * @param text the text
   * @param scan the text's scan
   * @return 0, a length over {@value WeightConfig#MAX_WEIGHTED_LENGTH}, or -1
   */
  public static int shortcutLength(String text, TextScan scan) {
    if (scan.certainlyFits()) {
      return 0;
    }
    String counted = text;
    TextScan s = scan;
    if (!scan.nfcInert()) {
      // Counted in NFC: a combining mark usually composes away, and the normal form then scans as
      // any text.
      counted = Nfc.nfc(text);
      if (counted.equals(text)) {
        return -1;
      }
      s = of(counted);
      if (s.certainlyFits()) {
        return 0;
      }
    }
    int length = s.weightCountingUrls(counted);
    if (length < 0) {
      return -1;
    }
    if (length <= MAX_WEIGHTED_LENGTH) {
      return 0;
    }
    // Only emoji sequences could make the count lower than this, or a blank text count 0.
    return EmojiSequences.find(counted, 0) < 0 && !WeightedLength.isBlank(counted) ? length : -1;
  }
}
