package org.poltwt.internal.text;

import java.net.IDN;
import java.util.Arrays;

/**
 * Finds the URLs of a text exactly where twitter-text 3.1.0's {@code
 * Extractor.extractURLsWithIndices} finds them, without a regular expression.
 *
 * <p>The rules, as twitter-text's URL pattern defines them (stated here in our words; the pattern
 * is searched left to right, each match resuming where the previous one ended, accepted or not):
 *
 * <ul>
 *   <li>A URL follows the start of the text or one code point that is not an ASCII letter or digit,
 *       {@code @ ＠ $ # ＃} or U+FFFE, U+FEFF, U+FFFF. Where the text starts with such a code point,
 *       a URL after it is preferred to one at the very start.
 *   <li>An optional {@code http://} or {@code https://} (any case), then the host: labels of
 *       "domain chars" (ASCII letters and digits and the Latin letters and accents twitter-text
 *       lists), each beginning and ending with one and followed by a dot, inner {@code -} allowed;
 *       all but the last label may also hold {@code _}. The labels are taken greedily and given
 *       back from the end until a TLD follows. The TLD is one of {@link UrlTlds} (followed by no
 *       ASCII letter, digit, {@code @ + -}) or a punycode label {@code xn--…}. After a protocol, a
 *       single label of any chars but ASCII punctuation, spaces and General Punctuation may stand
 *       before a listed TLD instead.
 *   <li>An optional port {@code :digits}; an optional path: {@code /} then path chars and balanced
 *       parentheses up to the last char that may end a path (see {@link #pathEnd}); an optional
 *       query: {@code ?} then query chars up to the last one that may end a query.
 *   <li>A URL without protocol directly after {@code - _ . /} is dropped. A {@code t.co} URL with a
 *       protocol is cut after its slug (and query); one whose slug is longer than 40 is dropped. A
 *       URL whose host {@link IDN#toASCII(String, int)} rejects, or that would be longer than 4096
 *       with {@code https://}, is dropped.
 * </ul>
 *
 * <p>Every shape of twitter-text's pattern is modelled, so twitter-text is not needed at run time;
 * the conformance suite and the property tests ({@code ScanProperties}) compare the two.
 */
final class UrlScanner {
  /** No URL. */
  static final int[] NONE = new int[0];

  private static final int MAX_URL_LENGTH = 4096;
  private static final int MAX_TCO_SLUG_LENGTH = 40;
  private static final int PROTOCOL_LENGTH_ASSUMED = "https://".length();
  private static final int MAX_ASCII_HOST_WITHOUT_IDN = 63;

  /** {@link #tcoEnd}: a t.co slug longer than twitter-text allows. */
  private static final int SLUG_TOO_LONG = -2;

  // ASCII membership masks (bit c of lo for c < 64, bit c - 64 of hi otherwise).
  private static final long[] ALNUM =
      mask("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
  private static final long[] NOT_BEFORE = mask(chars(ALNUM) + "@$#");
  private static final long[] PATH = mask(chars(ALNUM) + "!*';:=+,.$/%#[]-_~|&@");
  private static final long[] PATH_END = mask(chars(ALNUM) + "=_#/-+");
  private static final long[] QUERY = mask(chars(ALNUM) + "!?*'();:&=+$/%#[]-_.,~|@");
  private static final long[] QUERY_END = mask(chars(ALNUM) + "-_&=#/");

  /** ASCII punctuation as twitter-text lists it (no backslash) and Java's {@code \s}. */
  private static final long[] NOT_UNICODE_DOMAIN =
      mask("-_!\"#$%&'()*+,./:;<=>?@[]^`{|}~ \t\n\u000B\f\r");

  private UrlScanner() {}

  /**
   * The URLs of a text, as twitter-text finds them.
   *
   * @param s the text
   * @return {@code [start0, end0, start1, end1, ...]} in UTF-16 indices
   */
  static int[] urls(String s) {
    return urls(s, Integer.MAX_VALUE);
  }

  /**
   * The URLs of a text that start before {@code limit}, as twitter-text finds them.
   *
   * @param s the text
   * @param limit URLs starting at or after this index are not needed (they may be left out)
   * @return {@code [start0, end0, start1, end1, ...]} in UTF-16 indices
   */
  static int[] urls(String s, int limit) {
    int n = s.length();
    if (nextTldDot(s, 0) < 0) {
      return NONE;
    }
    int[] out = NONE;
    int count = 0;
    Match m = new Match();
    int pos = 0;
    while (pos < n) {
      if (!find(s, pos, limit, m)) {
        break;
      }
      pos = m.end;
      if (m.protocolLength == 0
          && (m.before == '-' || m.before == '_' || m.before == '.' || m.before == '/')) {
        continue;
      }
      int end = m.end;
      if (m.protocolLength > 0) {
        int tco = tcoEnd(s, m.start + m.protocolLength, m.end);
        if (tco == SLUG_TOO_LONG) {
          continue; // a t.co slug longer than twitter-text allows: not a URL
        }
        if (tco > 0) {
          end = tco;
        }
      }
      if (!validHostAndLength(s, m, end)) {
        continue;
      }
      if (count == out.length) {
        out = Arrays.copyOf(out, Math.max(4, count * 2));
      }
      out[count++] = m.start;
      out[count++] = end;
    }
    return count == out.length ? out : Arrays.copyOf(out, count);
  }

  /**
   * The next match of twitter-text's URL pattern at or after {@code pos}, into {@code m}.
   *
   * <p>Every URL holds a dot followed by a char that may start a TLD, and between its start and
   * that dot only host and protocol chars: so the search skips to just before the run of such chars
   * that ends at the next such dot.
   */
  private static boolean find(String s, int pos, int limit, Match m) {
    int n = s.length();
    int dot = -1;
    for (int st = pos; st < n; ) {
      if (dot < st + 1) {
        dot = nextTldDot(s, st + 1);
        if (dot < 0) {
          return false;
        }
        int runStart = dot;
        while (runStart > pos && !isSeparator(s.charAt(runStart - 1))) {
          runStart--;
        }
        if (runStart - 1 > st) {
          st = runStart - 1;
        }
      }
      int cp = Character.codePointAt(s, st);
      int next = st + Character.charCount(cp);
      // URLs from the limit on are not needed (at the start of the text both alternatives are still
      // tried, in twitter-text's order).
      boolean beyond = next >= dot || (next >= limit && st > 0);
      if (!beyond && mayPrecede(cp) && tryAt(s, next, cp, m)) {
        return true;
      }
      if (st == 0 && tryAt(s, 0, -1, m)) {
        return true;
      }
      if (next >= limit && st > 0) {
        return false;
      }
      st = next;
    }
    return false;
  }

  /**
   * The first dot at or after {@code from} that is followed by a char that may start a TLD, or -1.
   */
  private static int nextTldDot(String s, int from) {
    int n = s.length() - 1;
    for (int i = s.indexOf('.', from); i >= 0 && i < n; i = s.indexOf('.', i + 1)) {
      if (UrlTlds.mayStartTld(s.charAt(i + 1))) {
        return i;
      }
    }
    return -1;
  }

  /**
   * Whether a char can stand nowhere between a URL's start and its TLD: it is neither a host char
   * (of either kind) nor a protocol char.
   */
  private static boolean isSeparator(char c) {
    if (c < 0x80) {
      return isIn(NOT_UNICODE_DOMAIN, c)
          && c != '-'
          && c != '_'
          && c != '.'
          && c != ':'
          && c != '/';
    }
    return !isUnicodeDomainChar(c) && !isDomainChar(c);
  }

  /** Tries a URL starting at {@code u}, after {@code before} (-1: the start of the text). */
  private static boolean tryAt(String s, int u, int before, Match m) {
    char c = s.charAt(u);
    if (!isDomainChar(c) && (u == 0 || s.charAt(u - 1) != '/')) {
      return false; // neither a protocol, a domain label, nor a host right after "://"
    }
    int protocol = protocolAt(s, u);
    if (protocol > 0) {
      int hostEnd = hostEnd(s, u + protocol, true, m);
      if (hostEnd >= 0) {
        return finish(s, u, protocol, hostEnd, before, m);
      }
    }
    int hostEnd = hostEnd(s, u, protocolBefore(s, u), m);
    if (hostEnd >= 0) {
      return finish(s, u, 0, hostEnd, before, m);
    }
    return false;
  }

  /** Port, path and query after the host. */
  private static boolean finish(String s, int u, int protocol, int hostEnd, int before, Match m) {
    int n = s.length();
    int e = hostEnd;
    if (e + 1 < n && s.charAt(e) == ':' && isDigit(s.charAt(e + 1))) {
      e += 2;
      while (e < n && isDigit(s.charAt(e))) {
        e++;
      }
    }
    if (e < n && s.charAt(e) == '/') {
      e = pathEnd(s, e + 1);
    }
    if (e < n && s.charAt(e) == '?') {
      e = queryEnd(s, e, n);
    }
    m.start = u;
    m.protocolLength = protocol;
    m.hostStart = u + protocol;
    m.hostEnd = hostEnd;
    m.end = e;
    m.before = before;
    return true;
  }

  /**
   * Where the host that starts at {@code p} ends (after its TLD), or -1.
   *
   * @param s the text
   * @param p where the host starts
   * @param afterProtocol whether {@code http://} or {@code https://} stands just before {@code p}
   * @param m holds a buffer for the labels' starts
   * @return the index after the TLD, or -1
   */
  private static int hostEnd(String s, int p, boolean afterProtocol, Match m) {
    int n = s.length();
    // Labels that may stand before the last one (letters, digits, '-', '_'), taken greedily.
    int[] starts = m.labelStarts;
    int k = 0;
    starts[0] = p;
    int i = p;
    while (i < n && isDomainChar(s.charAt(i))) {
      int q = i + 1;
      while (q < n && (isDomainChar(s.charAt(q)) || s.charAt(q) == '-' || s.charAt(q) == '_')) {
        q++;
      }
      if (q >= n || s.charAt(q) != '.' || !isDomainChar(s.charAt(q - 1))) {
        break;
      }
      i = q + 1;
      k++;
      if (k == starts.length) {
        starts = m.labelStarts = Arrays.copyOf(starts, k * 2);
      }
      starts[k] = i;
    }
    // Give labels back from the end until the last label (no '_') is followed by a TLD.
    for (int j = k; j >= 0; j--) {
      int dot = lastLabelDot(s, starts[j]);
      if (dot >= 0) {
        int end = UrlTlds.endOfTld(s, dot + 1);
        if (end < 0) {
          end = punycodeEnd(s, dot + 1);
        }
        if (end >= 0) {
          return end;
        }
      }
    }
    if (afterProtocol) {
      // One label of any chars but punctuation and spaces, then a listed TLD.
      int q = p;
      while (q < n) {
        int cp = Character.codePointAt(s, q);
        if (cp != '-' && !isUnicodeDomainChar(cp)) {
          break;
        }
        q += Character.charCount(cp);
      }
      if (q > p && q < n && s.charAt(q) == '.' && s.charAt(p) != '-' && s.charAt(q - 1) != '-') {
        return UrlTlds.endOfTld(s, q + 1);
      }
    }
    return -1;
  }

  /** The dot after a last label (domain chars and inner '-') starting at {@code d}, or -1. */
  private static int lastLabelDot(String s, int d) {
    int n = s.length();
    if (d >= n || !isDomainChar(s.charAt(d))) {
      return -1;
    }
    int q = d + 1;
    while (q < n && (isDomainChar(s.charAt(q)) || s.charAt(q) == '-')) {
      q++;
    }
    return q < n && s.charAt(q) == '.' && isDomainChar(s.charAt(q - 1)) ? q : -1;
  }

  /** {@code xn--} (any case) and at least one of {@code [-0-9a-zA-Z]}: the end, or -1. */
  private static int punycodeEnd(String s, int t) {
    int n = s.length();
    if (t + 4 >= n || !regionMatchesIgnoreCase(s, t, "xn--")) {
      return -1;
    }
    int e = t + 4;
    while (e < n && (isIn(ALNUM, s.charAt(e)) || s.charAt(e) == '-')) {
      e++;
    }
    return e > t + 4 ? e : -1;
  }

  /**
   * The end of a path whose chars start at {@code p} (just after its '/').
   *
   * <p>twitter-text's path is a possessive repetition of: (1) path chars and balanced parentheses,
   * up to the last path-ending char outside parentheses, or else (2) one balanced parenthesis
   * group. A balanced group is {@code (chars)} or {@code (chars(chars)chars)}, the innermost chars
   * not empty.
   */
  private static int pathEnd(String s, int p) {
    while (true) {
      int e = pathStretch(s, p);
      if (e < 0) {
        e = parenthesesEnd(s, p);
      }
      if (e < 0) {
        return p;
      }
      p = e;
    }
  }

  /**
   * Path chars and balanced groups from {@code p}, taken greedily, then given back to the last
   * path-ending char: the end after it, or -1 if no run between the groups holds one.
   */
  private static int pathStretch(String s, int p) {
    int n = s.length();
    int runEnd = pathCharsEnd(s, p);
    int end = lastPathEnd(s, p, runEnd);
    while (runEnd < n && s.charAt(runEnd) == '(') {
      int group = parenthesesEnd(s, runEnd);
      if (group < 0) {
        break;
      }
      int next = pathCharsEnd(s, group);
      int last = lastPathEnd(s, group, next);
      if (last >= 0) {
        end = last;
      }
      runEnd = next;
    }
    return end;
  }

  /** A balanced group starting with the '(' at {@code q}: its end, or -1. */
  private static int parenthesesEnd(String s, int q) {
    int n = s.length();
    if (q >= n || s.charAt(q) != '(') {
      return -1;
    }
    int a = pathCharsEnd(s, q + 1);
    if (a < n && s.charAt(a) == ')' && a > q + 1) {
      return a + 1;
    }
    if (a < n && s.charAt(a) == '(') {
      int b = pathCharsEnd(s, a + 1);
      if (b > a + 1 && b < n && s.charAt(b) == ')') {
        int c = pathCharsEnd(s, b + 1);
        if (c < n && s.charAt(c) == ')') {
          return c + 1;
        }
      }
    }
    return -1;
  }

  private static int pathCharsEnd(String s, int p) {
    int n = s.length();
    while (p < n && isPathChar(s.charAt(p))) {
      p++;
    }
    return p;
  }

  /** The index after the last path-ending char in {@code [from, to)}, or -1. */
  private static int lastPathEnd(String s, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (isPathEndChar(s.charAt(i))) {
        return i + 1;
      }
    }
    return -1;
  }

  /**
   * The end of a query starting with the '?' at {@code e}: after its last ending char, else {@code
   * e}.
   */
  private static int queryEnd(String s, int e, int limit) {
    int end = e;
    for (int q = e + 1; q < limit && isIn(QUERY, s.charAt(q)); q++) {
      if (isIn(QUERY_END, s.charAt(q))) {
        end = q + 1;
      }
    }
    return end;
  }

  /**
   * Where twitter-text cuts a {@code t.co} URL: after {@code t.co/}, its slug and query.
   *
   * @param s the text
   * @param h where the host starts (after the protocol)
   * @param end the end of the URL as matched
   * @return the cut end, 0 if the URL is no t.co URL, or {@link #SLUG_TOO_LONG}
   */
  private static int tcoEnd(String s, int h, int end) {
    if (h + 5 >= end || !regionMatchesIgnoreCase(s, h, "t.co/")) {
      return 0;
    }
    int slug = h + 5;
    int e = slug;
    while (e < end && isIn(ALNUM, s.charAt(e))) {
      e++;
    }
    if (e == slug) {
      return 0;
    }
    if (e - slug > MAX_TCO_SLUG_LENGTH) {
      return SLUG_TOO_LONG;
    }
    if (e < end && s.charAt(e) == '?') {
      e = queryEnd(s, e, end);
    }
    return e;
  }

  /** twitter-text's last check: the host through IDN, the URL within 4096 chars. */
  private static boolean validHostAndLength(String s, Match m, int end) {
    int hostLength = m.hostEnd - m.hostStart;
    int asciiLength = hostLength;
    if (hostLength > MAX_ASCII_HOST_WITHOUT_IDN || !isAscii(s, m.hostStart, m.hostEnd)) {
      try {
        asciiLength =
            IDN.toASCII(s.substring(m.hostStart, m.hostEnd), IDN.ALLOW_UNASSIGNED).length();
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        return false;
      }
      if (asciiLength == 0) {
        return false;
      }
    }
    int length =
        end
            - m.start
            + asciiLength
            - hostLength
            + (m.protocolLength == 0 ? PROTOCOL_LENGTH_ASSUMED : 0);
    return length <= MAX_URL_LENGTH;
  }

  private static int protocolAt(String s, int u) {
    if (regionMatchesIgnoreCase(s, u, "https://")) {
      return 8;
    }
    return regionMatchesIgnoreCase(s, u, "http://") ? 7 : 0;
  }

  private static boolean protocolBefore(String s, int u) {
    return (u >= 7 && regionMatchesIgnoreCase(s, u - 7, "http://"))
        || (u >= 8 && regionMatchesIgnoreCase(s, u - 8, "https://"));
  }

  /** Whether a URL may follow this code point. */
  private static boolean mayPrecede(int cp) {
    if (cp < 0x80) {
      return !isIn(NOT_BEFORE, (char) cp);
    }
    return cp != 0xFF20 && cp != 0xFF03 && cp != 0xFFFE && cp != 0xFEFF && cp != 0xFFFF;
  }

  /** ASCII letters and digits, and the Latin letters and accents twitter-text allows in domains. */
  static boolean isDomainChar(char c) {
    if (c < 0x80) {
      return isIn(ALNUM, c);
    }
    return isLatinAccent(c);
  }

  /** The Latin letters and accents twitter-text lists (its {@code LATIN_ACCENTS_CHARS}). */
  static boolean isLatinAccent(char c) {
    if (c < 0xC0) {
      return false;
    }
    if (c <= 0x24F) {
      return c != 0xD7 && c != 0xF7;
    }
    if (c <= 0x2BB) {
      switch (c) {
        case 0x253:
        case 0x254:
        case 0x256:
        case 0x257:
        case 0x259:
        case 0x25B:
        case 0x263:
        case 0x268:
        case 0x26F:
        case 0x272:
        case 0x289:
        case 0x28B:
        case 0x2BB:
          return true;
        default:
          return false;
      }
    }
    return (c >= 0x300 && c <= 0x36F) || (c >= 0x1E00 && c <= 0x1EFF);
  }

  private static boolean isPathChar(char c) {
    if (c < 0x80) {
      return isIn(PATH, c);
    }
    return c == 0x2013 || isLatinAccent(c) || (c >= 0x400 && c <= 0x4FF);
  }

  private static boolean isPathEndChar(char c) {
    if (c < 0x80) {
      return isIn(PATH_END, c);
    }
    return isLatinAccent(c) || (c >= 0x400 && c <= 0x4FF);
  }

  /**
   * A char of a host label after a protocol: not ASCII punctuation, a space, or General
   * Punctuation.
   */
  private static boolean isUnicodeDomainChar(int cp) {
    if (cp < 0x80) {
      return !isIn(NOT_UNICODE_DOMAIN, (char) cp);
    }
    if (cp >= 0x2000 && cp <= 0x206F) {
      return false;
    }
    int type = Character.getType(cp);
    return type != Character.SPACE_SEPARATOR
        && type != Character.LINE_SEPARATOR
        && type != Character.PARAGRAPH_SEPARATOR;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isAscii(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether {@code s} holds {@code lower} (lower-case ASCII) at {@code from}, ignoring ASCII case.
   */
  private static boolean regionMatchesIgnoreCase(String s, int from, String lower) {
    if (from + lower.length() > s.length()) {
      return false;
    }
    for (int i = 0; i < lower.length(); i++) {
      char c = s.charAt(from + i);
      if (c >= 'A' && c <= 'Z') {
        c += 'a' - 'A';
      }
      if (c != lower.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static long[] mask(String chars) {
    long[] mask = new long[2];
    for (int i = 0; i < chars.length(); i++) {
      char c = chars.charAt(i);
      mask[c >> 6] |= 1L << (c & 63);
    }
    return mask;
  }

  private static String chars(long[] mask) {
    StringBuilder b = new StringBuilder();
    for (char c = 0; c < 0x80; c++) {
      if (isIn(mask, c)) {
        b.append(c);
      }
    }
    return b.toString();
  }

  private static boolean isIn(long[] mask, char c) {
    return c < 0x80 && (mask[c >> 6] & (1L << (c & 63))) != 0;
  }

  /** One match of the URL pattern; reused across attempts. */
  private static final class Match {
    int start;
    int protocolLength;
    int hostStart;
    int hostEnd;
    int end;
    int before;
    int[] labelStarts = new int[8];
  }
}
