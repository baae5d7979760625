package org.poltwt.internal.text;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The top-level domains a URL's host may end with, as twitter-text 3.1.0 lists them (resource
 * {@code url-tlds.txt}, with its source).
 *
 * <p>twitter-text accepts a TLD only when the character after it is not an ASCII letter or digit,
 * {@code @}, {@code +} or {@code -}, and matches ASCII letters case-insensitively. Its pattern
 * tries the generic list before the country list, each in list order; with that look-ahead at most
 * one entry of the two lists can match at a position, except for two pairs in which one entry
 * extends the other with a non-ASCII letter ({@code 嘉里}/{@code 嘉里大酒店}, {@code भारत}/{@code
 * भारतम्}), and there the list puts the longer first. So "the longest entry that matches" is
 * twitter-text's answer; {@code UrlTldsTest} checks both facts against the list.
 */
final class UrlTlds {
  /** Longest TLD, in chars. */
  private static final int MAX_LENGTH;

  /** The all-ASCII entries, lower case, sorted. */
  private static final String[] ASCII;

  /**
   * First chars of the entries with a non-ASCII char, sorted; their entries in {@link
   * #OTHER_LISTS}.
   */
  private static final char[] OTHER_FIRSTS;

  /** Per first char, the entries with a non-ASCII char, longest first. */
  private static final String[][] OTHER_LISTS;

  static {
    Map<String, List<String>> lists = load();
    List<String> all = new ArrayList<>(lists.get("generic"));
    all.addAll(lists.get("country"));
    List<String> ascii = new ArrayList<>();
    Map<Character, List<String>> others = new TreeMap<>();
    int max = 0;
    for (String tld : all) {
      max = Math.max(max, tld.length());
      if (tld.chars().allMatch(c -> c < 0x80)) {
        ascii.add(tld);
      } else {
        others.computeIfAbsent(tld.charAt(0), k -> new ArrayList<>()).add(tld);
      }
    }
    MAX_LENGTH = max;
    ASCII = ascii.toArray(new String[0]);
    Arrays.sort(ASCII);
    OTHER_FIRSTS = new char[others.size()];
    OTHER_LISTS = new String[others.size()][];
    int i = 0;
    for (Map.Entry<Character, List<String>> e : others.entrySet()) {
      OTHER_FIRSTS[i] = e.getKey();
      List<String> list = e.getValue();
      list.sort(Comparator.comparingInt(String::length).reversed());
      OTHER_LISTS[i++] = list.toArray(new String[0]);
    }
  }

  private UrlTlds() {}

  /**
   * The TLD lists, as the resource gives them.
   *
   * @return {@code generic} and {@code country}, each in twitter-text's order
   */
  static Map<String, List<String>> load() {
    Map<String, List<String>> lists = new TreeMap<>();
    try (InputStream in = UrlTlds.class.getResourceAsStream("url-tlds.txt")) {
      if (in == null) {
        throw new IllegalStateException("resource url-tlds.txt is missing");
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      List<String> current = null;
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          current =
              lists.computeIfAbsent(line.substring(1, line.length() - 1), k -> new ArrayList<>());
        } else if (current == null) {
          throw new IllegalStateException("url-tlds.txt: entry before a list header");
        } else {
          current.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lists;
  }

  /**
   * Where the TLD that starts at {@code from} ends, if one does.
   *
   * @param s the text
   * @param from where the TLD would start (just after a dot)
   * @return the index after the TLD, or -1
   */
  static int endOfTld(String s, int from) {
    int n = s.length();
    if (from >= n) {
      return -1;
    }
    int best = -1;
    int end = from;
    while (end < n && end - from <= MAX_LENGTH && isAsciiLetter(s.charAt(end))) {
      end++;
    }
    if (end > from && end - from <= MAX_LENGTH && mayFollow(s, end) && isAsciiTld(s, from, end)) {
      best = end;
    }
    char first = s.charAt(from);
    if (first >= 'A' && first <= 'Z') {
      first += 'a' - 'A';
    }
    int k = Arrays.binarySearch(OTHER_FIRSTS, first);
    if (k >= 0) {
      for (String tld : OTHER_LISTS[k]) {
        int e = from + tld.length();
        if (e <= n && regionMatchesAsciiIgnoreCase(s, from, tld) && mayFollow(s, e)) {
          return Math.max(best, e);
        }
      }
    }
    return best;
  }

  /**
   * Whether a TLD may start with the char: a cheap filter for texts with no URL.
   *
   * @param c a char just after a dot
   * @return false if no TLD starts with it
   */
  static boolean mayStartTld(char c) {
    if (c < 0x80) {
      return isAsciiLetter(c);
    }
    return Arrays.binarySearch(OTHER_FIRSTS, c) >= 0;
  }

  /**
   * twitter-text's look-ahead after a TLD: the end, or a char that is not {@code [a-zA-Z0-9@+-]}.
   */
  static boolean mayFollow(String s, int i) {
    if (i >= s.length()) {
      return true;
    }
    char c = s.charAt(i);
    return !(isAsciiLetter(c) || (c >= '0' && c <= '9') || c == '@' || c == '+' || c == '-');
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }

  private static boolean isAsciiTld(String s, int from, int to) {
    int lo = 0;
    int hi = ASCII.length - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = compareLower(s, from, to, ASCII[mid]);
      if (c == 0) {
        return true;
      } else if (c < 0) {
        hi = mid - 1;
      } else {
        lo = mid + 1;
      }
    }
    return false;
  }

  /** Compares {@code s[from, to)}, ASCII-lower-cased, with a lower-case entry. */
  private static int compareLower(String s, int from, int to, String entry) {
    int len = to - from;
    int common = Math.min(len, entry.length());
    for (int i = 0; i < common; i++) {
      char a = s.charAt(from + i);
      if (a >= 'A' && a <= 'Z') {
        a += 'a' - 'A';
      }
      char b = entry.charAt(i);
      if (a != b) {
        return a - b;
      }
    }
    return len - entry.length();
  }

  private static boolean regionMatchesAsciiIgnoreCase(String s, int from, String entry) {
    for (int i = 0; i < entry.length(); i++) {
      char a = s.charAt(from + i);
      if (a >= 'A' && a <= 'Z') {
        a += 'a' - 'A';
      }
      if (a != entry.charAt(i)) {
        return false;
      }
    }
    return true;
  }
}
