package org.poltwt.internal.text;

import java.util.Arrays;

/**
 * Finds mentions ({@code @handle}) and list mentions ({@code @handle/list}) where twitter-text
 * 3.1.0's {@code Extractor.extractMentionsOrListsWithIndices} finds them, without a regular
 * expression.
 *
 * <p>The rules, as twitter-text's mention pattern defines them (stated here in our words; the
 * pattern is searched left to right, each search resuming where the previous match ended, kept or
 * not):
 *
 * <ul>
 *   <li>A run of at signs ({@code @} or full-width {@code ＠}) at the start of the text, or after
 *       one code point that is no ASCII letter or digit nor one of {@code _ ! # $ % & * @ ＠}, or
 *       after {@code RT} or {@code RT:} (any case) that starts the text or follows a code point
 *       that is no ASCII letter or digit nor one of {@code _ + ~ . -}. What comes before the run
 *       must lie after the previous match.
 *   <li>Then the handle: the first 1 to 20 of {@code [A-Za-z0-9_]} (twitter-text takes 20 where a
 *       handle holds {@value org.poltwt.internal.HandleRule#MAX_LENGTH}: an over-long run still
 *       names its first 20 chars); then an optional list slug, {@code /}, an ASCII letter and up to
 *       24 of {@code [A-Za-z0-9_-]}.
 *   <li>A match directly followed by an at sign, a {@linkplain UrlScanner#isLatinAccent Latin
 *       accent} or {@code ://} is dropped (an e-mail address, {@code @http://}, a handle running
 *       into accented letters).
 *   <li>The entity runs from the last at sign of the run to the end of the handle or slug.
 * </ul>
 */
final class MentionScanner {
  /** No mention. */
  static final int[] NONE = new int[0];

  private static final int MAX_HANDLE = 20;
  private static final int MAX_SLUG_AFTER_FIRST = 24;
  private static final char AT = '@';
  private static final char FULLWIDTH_AT = '\uFF20';

  private MentionScanner() {}

  /**
   * The mentions of a text, with or without list mentions. Without them this is twitter-text's
   * {@code extractMentionedScreennamesWithIndices}: a list mention is dropped whole, its handle not
   * reported on its own.
   *
   * @param s the text
   * @param lists whether list mentions are kept
   * @return {@code [start0, end0, start1, end1, ...]} in UTF-16 indices, each start at the at sign
   */
  static int[] mentions(String s, boolean lists) {
    int n = s.length();
    boolean wide = s.indexOf(FULLWIDTH_AT) >= 0;
    int at = nextAt(s, 0, wide);
    if (at < 0) {
      return NONE;
    }
    int[] out = NONE;
    int count = 0;
    int resume = 0; // where the previous match ended: what precedes a run must start here or later
    while (at >= 0) {
      int run = at;
      int handle = run;
      while (handle < n && isAt(s.charAt(handle))) {
        handle++;
      }
      int end = handle;
      while (end < n && end - handle < MAX_HANDLE && isHandleChar(s.charAt(end))) {
        end++;
      }
      if (end == handle || !mayPrecedeRun(s, run, resume)) {
        at = nextAt(s, handle, wide);
        continue;
      }
      boolean list = false;
      if (end + 1 < n && s.charAt(end) == '/' && isAsciiLetter(s.charAt(end + 1))) {
        list = true;
        int slug = end + 2;
        end = slug;
        while (end < n && end - slug < MAX_SLUG_AFTER_FIRST && isSlugChar(s.charAt(end))) {
          end++;
        }
      }
      resume = end;
      if ((lists || !list) && !endsBadly(s, end)) {
        if (count == out.length) {
          out = Arrays.copyOf(out, Math.max(4, count * 2));
        }
        out[count++] = handle - 1;
        out[count++] = end;
      }
      at = nextAt(s, end, wide);
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /**
   * Whether the run of at signs starting at {@code run} (the text's start or after a char that is
   * no at sign) has a beginning twitter-text accepts, starting at {@code resume} or later.
   */
  private static boolean mayPrecedeRun(String s, int run, int resume) {
    if (run == 0) {
      return true;
    }
    int before = Character.codePointBefore(s, run);
    int beforeStart = run - Character.charCount(before);
    if (beforeStart >= resume && mayPrecedeAt(before)) {
      return true;
    }
    // RT or RT: directly before the run.
    int t = s.charAt(run - 1) == ':' ? run - 2 : run - 1;
    int r = t - 1;
    if (r < resume || !isLetter(s.charAt(r), 'r') || !isLetter(s.charAt(t), 't')) {
      return false;
    }
    if (r == 0) {
      return true;
    }
    int beforeRt = Character.codePointBefore(s, r);
    return r - Character.charCount(beforeRt) >= resume && mayPrecedeRt(beforeRt);
  }

  /** Not an ASCII letter or digit nor one of {@code _ ! # $ % & * @ ＠}. */
  private static boolean mayPrecedeAt(int cp) {
    return !isAsciiLetterOrDigit(cp) && "_!#$%&*@\uFF20".indexOf(cp) < 0;
  }

  /** Not an ASCII letter or digit nor one of {@code _ + ~ . -}. */
  private static boolean mayPrecedeRt(int cp) {
    return !isAsciiLetterOrDigit(cp) && "_+~.-".indexOf(cp) < 0;
  }

  /** An at sign, a Latin accent or {@code ://} at {@code end} drops the match before it. */
  private static boolean endsBadly(String s, int end) {
    if (end >= s.length()) {
      return false;
    }
    char c = s.charAt(end);
    return isAt(c) || UrlScanner.isLatinAccent(c) || s.startsWith("://", end);
  }

  /** The next at sign; the full-width one is rare, so it is looked for only in texts holding it. */
  private static int nextAt(String s, int from, boolean wide) {
    int at = s.indexOf(AT, from);
    if (!wide) {
      return at;
    }
    int fullWidth = s.indexOf(FULLWIDTH_AT, from);
    return at < 0 ? fullWidth : fullWidth < 0 ? at : Math.min(at, fullWidth);
  }

  private static boolean isAt(char c) {
    return c == AT || c == FULLWIDTH_AT;
  }

  private static boolean isLetter(char c, char lower) {
    return c == lower || c == lower - ('a' - 'A');
  }

  private static boolean isHandleChar(char c) {
    return isAsciiLetterOrDigit(c) || c == '_';
  }

  private static boolean isSlugChar(char c) {
    return isHandleChar(c) || c == '-';
  }

  private static boolean isAsciiLetter(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiLetterOrDigit(int c) {
    return isAsciiLetter(c) || (c >= '0' && c <= '9');
  }
}
