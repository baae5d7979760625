package org.poltwt.internal.text;

/**
 * Where a text's URLs, mentions and cashtags are, as twitter-text 3.1.0 extracts them: the entry
 * for other packages (the composer keeps these spans whole), with the scanners themselves kept
 * package-private. Each method returns {@code [start0, end0, start1, end1, ...]} in UTF-16 indices,
 * in the text's order; the arrays are never shared with another call's caller for writing, but may
 * be an empty constant.
 */
public final class EntitySpans {
  private EntitySpans() {}

  /**
   * The text's URLs, as twitter-text's {@code extractURLsWithIndices} finds them.
   *
   * @param text the text
   * @return the spans, {@code [start, end, ...]}
   */
  public static int[] urls(String text) {
    return UrlScanner.urls(text);
  }

  /**
   * The text's mentions of a handle, as twitter-text's {@code
   * extractMentionedScreennamesWithIndices} finds them: {@code @handle}, not {@code @handle/list}.
   *
   * @param text the text
   * @return the spans, {@code [start, end, ...]}, each from the at sign to the handle's end
   */
  public static int[] mentions(String text) {
    return MentionScanner.mentions(text, false);
  }

  /**
   * The text's mentions and list mentions, as twitter-text's {@code
   * extractMentionsOrListsWithIndices} finds them.
   *
   * @param text the text
   * @return the spans, {@code [start, end, ...]}, each from the at sign to the handle's or the list
   *     slug's end
   */
  public static int[] mentionsOrLists(String text) {
    return MentionScanner.mentions(text, true);
  }

  /**
   * The text's cashtags, as twitter-text's {@code extractCashtagsWithIndices} finds them.
   *
   * @param text the text
   * @return the spans, {@code [start, end, ...]}, each from the {@code $} to the symbol's end
   */
  public static int[] cashtags(String text) {
    return CashtagScanner.cashtags(text);
  }
}
