package org.poltwt.internal.text;

/**
 * A weighted-length configuration, as twitter-text's configuration files define them.
 *
 * <p>Weights are scaled by {@link #scale}: a code point weighs {@link #defaultWeight} unless one of
 * {@link #ranges} gives it another weight; a URL weighs {@link #transformedUrlLength} times the
 * scale; with {@link #emojiParsing}, an emoji sequence weighs the default weight once.
 */
public final class WeightConfig {
  /** Ranges of config v2 and v3: Latin to Georgian, some spaces, hyphens and quotes weigh 100. */
  private static final int[] RANGES_V2 = {
    0, 4351, 100, 8192, 8205, 100, 8208, 8223, 100, 8242, 8247, 100
  };

  /** Twitter's limit of weighted characters in a tweet, under both configurations. */
  public static final int MAX_WEIGHTED_LENGTH = 280;

  /** Config v3: v2 with emoji parsing, Twitter's current counting. */
  public static final WeightConfig V3 =
      new WeightConfig(MAX_WEIGHTED_LENGTH, 100, 200, 23, true, RANGES_V2);

  /** Config v2: no emoji parsing (each code point of an emoji sequence weighs on its own). */
  public static final WeightConfig V2 =
      new WeightConfig(MAX_WEIGHTED_LENGTH, 100, 200, 23, false, RANGES_V2);

  /** The most weighted characters a valid text may have, unscaled. */
  public final int maxWeightedLength;

  /** What one unit of weight is scaled to. */
  public final int scale;

  /** The scaled weight of a code point that no range holds. */
  public final int defaultWeight;

  /** What a URL weighs, unscaled, whatever its length. */
  public final int transformedUrlLength;

  /** Whether an emoji sequence weighs the default weight once. */
  public final boolean emojiParsing;

  /** {@code [start, end, weight]} triples, inclusive code point ranges, tried in order. */
  private final int[] ranges;

  /** A bit per BMP char that weighs more than {@link #scale}, for {@link #heavyBit}. */
  private final long[] heavyBmp = new long[0x10000 >> 6];

  WeightConfig(
      int maxWeightedLength,
      int scale,
      int defaultWeight,
      int transformedUrlLength,
      boolean emojiParsing,
      int[] ranges) {
    if (maxWeightedLength <= 0 || scale <= 0 || ranges.length % 3 != 0) {
      throw new IllegalArgumentException("config: max and scale must be positive, ranges triples");
    }
    this.maxWeightedLength = maxWeightedLength;
    this.scale = scale;
    this.defaultWeight = defaultWeight;
    this.transformedUrlLength = transformedUrlLength;
    this.emojiParsing = emojiParsing;
    this.ranges = ranges.clone();
    for (int c = 0; c < 0x10000; c++) {
      if (weightOf(c) > scale) {
        heavyBmp[c >> 6] |= 1L << (c & 63);
      }
    }
  }

  /**
   * Whether a BMP char weighs more than 1 (unscaled), by one table look-up, as a number for adding
   * up without a branch.
   *
   * @param c a char
   * @return 1 if {@link #weightOf} gives it more than {@link #scale}, else 0
   */
  int heavyBit(char c) {
    return (int) (heavyBmp[c >> 6] >>> c) & 1;
  }

  /**
   * The weighted ranges.
   *
   * @return {@code [start, end, weight]} triples
   */
  public int[] ranges() {
    return ranges.clone();
  }

  /**
   * The scaled weight of one code point.
   *
   * @param cp a code point
   * @return the weight of the first range holding it, else the default weight
   */
  int weightOf(int cp) {
    for (int i = 0; i < ranges.length; i += 3) {
      if (cp >= ranges[i] && cp <= ranges[i + 1]) {
        return ranges[i + 2];
      }
    }
    return defaultWeight;
  }
}
