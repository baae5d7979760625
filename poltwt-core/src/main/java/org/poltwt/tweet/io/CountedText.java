package org.poltwt.tweet.io;

import java.util.Arrays;
import org.poltwt.internal.text.Markup;

/**
 * The part of a published post's text that X counted against the limit, derived from the fields the
 * API gives beside the text (the rule is documented on {@link TweetReader}). Gathers a tweet
 * object's entities as the parser passes them, then {@link #of} cuts and unescapes the text. Reused
 * from one tweet to the next; holds nothing for a tweet without entities.
 *
 * <p>Entity indices are code-point indices into the text as the API gives it (start inclusive, end
 * exclusive), which is what recorded responses show. An entity whose indices do not point at what
 * it names (a mention's {@code @}, a link's {@code url}) is not trusted, and the text it would have
 * left out is counted: a wrong guess can only make the count longer, never hide a long text.
 */
final class CountedText {
  private int[] mentions = new int[8];
  private int mentionCount;

  /** Links: start, end, and whether X appended it for media or a quoted post (1) or not (0). */
  private int[] links = new int[12];

  private String[] expanded = new String[4];
  private int linkCount;

  private boolean media;
  private int displayFrom = -1;
  private int displayTo = -1;

  void reset() {
    if (mentionCount != 0 || linkCount != 0) {
      Arrays.fill(expanded, 0, linkCount, null);
      mentionCount = 0;
      linkCount = 0;
    }
    media = false;
    displayFrom = -1;
    displayTo = -1;
  }

  void mention(int start, int end) {
    if (mentionCount * 2 == mentions.length) {
      mentions = Arrays.copyOf(mentions, mentions.length * 2);
    }
    mentions[mentionCount * 2] = start;
    mentions[mentionCount * 2 + 1] = end;
    mentionCount++;
  }

  /**
   * A link entity.
   *
   * @param mediaKey whether it has a {@code media_key}
   * @param expandedUrl its {@code expanded_url} if it names a post ({@code /status/}), else null
   */
  void link(int start, int end, boolean mediaKey, String expandedUrl) {
    if (linkCount * 3 == links.length) {
      links = Arrays.copyOf(links, links.length * 2);
      expanded = Arrays.copyOf(expanded, expanded.length * 2);
    }
    links[linkCount * 3] = start;
    links[linkCount * 3 + 1] = end;
    links[linkCount * 3 + 2] = mediaKey ? 1 : 0;
    expanded[linkCount] = expandedUrl;
    linkCount++;
  }

  /** The tweet has {@code attachments.media_keys}. */
  void media() {
    media = true;
  }

  /** The API's {@code display_text_range}, in code points. */
  void displayRange(int from, int to) {
    displayFrom = from;
    displayTo = to;
  }

  /** Whether nothing but HTML entities could make the counted text differ from the text. */
  boolean none() {
    return mentionCount == 0 && linkCount == 0 && displayFrom < 0;
  }

  /**
   * The counted text.
   *
   * @param text the text as the API gave it
   * @param id the tweet's id
   * @param reply whether it replies to a post
   * @param quotedId the id of the post it quotes, or null
   * @return the counted text; {@code text} itself when that is what X counted
   */
  String of(String text, String id, boolean reply, String quotedId) {
    if (none()) {
      return text.indexOf('&') < 0 ? text : Markup.unescapeX(text);
    }
    int from = 0;
    int to = text.length();
    if (displayFrom >= 0) {
      int f = charIndex(text, displayFrom);
      int t = charIndex(text, displayTo);
      if (f >= 0 && t >= f) {
        from = f;
        to = t;
      }
    } else {
      if (reply) {
        from = afterLeadingMentions(text);
      }
      to = beforeTrailingLinks(text, from, id, quotedId);
    }
    String counted = from == 0 && to == text.length() ? text : text.substring(from, to);
    return counted.indexOf('&') < 0 ? counted : Markup.unescapeX(counted);
  }

  /** Skips the mentions that begin the text, one after another, and the white space after them. */
  private int afterLeadingMentions(String text) {
    int at = skipSpace(text, 0);
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int m = 0; m < mentionCount; m++) {
        int start = charIndex(text, mentions[m * 2]);
        if (start == at && at < text.length() && isAt(text.charAt(at))) {
          int end = charIndex(text, mentions[m * 2 + 1]);
          if (end > at) {
            at = skipSpace(text, end);
            moved = true;
          }
        }
      }
    }
    return at;
  }

  /**
   * Takes off the links that end the text, one after another, while each was appended for attached
   * media or the quoted post.
   */
  private int beforeTrailingLinks(String text, int from, String id, String quotedId) {
    int to = trimEnd(text, from, text.length());
    boolean moved = true;
    while (moved) {
      moved = false;
      for (int l = 0; l < linkCount; l++) {
        int end = charIndex(text, links[l * 3 + 1]);
        if (end != to || !appended(l, id, quotedId)) {
          continue;
        }
        int start = charIndex(text, links[l * 3]);
        if (start >= from && start < end && text.startsWith("https://t.co/", start)) {
          to = trimEnd(text, from, start);
          moved = true;
        }
      }
    }
    return to;
  }

  /** Whether link {@code l} is one X appends: to attached media, or to the post quoted. */
  private boolean appended(int l, String id, String quotedId) {
    if (links[l * 3 + 2] == 1) {
      return true;
    }
    String url = expanded[l];
    if (url == null) {
      return false;
    }
    if (media && id != null) {
      int s = url.indexOf("/status/" + id + "/");
      if (s >= 0) {
        String rest = url.substring(s + 9 + id.length());
        if (rest.startsWith("photo/") || rest.startsWith("video/")) {
          return true;
        }
      }
    }
    if (quotedId != null) {
      String suffix = "/status/" + quotedId;
      int s = url.indexOf(suffix);
      int after = s + suffix.length();
      return s >= 0 && (after == url.length() || url.charAt(after) == '?');
    }
    return false;
  }

  /** The char index of code point {@code cp}, or -1 when the text is shorter. */
  private static int charIndex(String text, int cp) {
    if (cp < 0) {
      return -1;
    }
    int n = text.length();
    int i = 0;
    for (int c = 0; c < cp; c++) {
      if (i >= n) {
        return -1;
      }
      i +=
          Character.isHighSurrogate(text.charAt(i))
                  && i + 1 < n
                  && Character.isLowSurrogate(text.charAt(i + 1))
              ? 2
              : 1;
    }
    return i <= n ? i : -1;
  }

  private static boolean isAt(char c) {
    return c == '@' || c == '\uFF20';
  }

  private static int skipSpace(String text, int i) {
    while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
      i++;
    }
    return i;
  }

  private static int trimEnd(String text, int from, int to) {
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    return to;
  }
}
