package org.poltwt.tweet.compose;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes personal data from free text by its shape. Heuristic by nature: it errs towards removing
 * too much rather than too little, and what it cannot recognise (a name without a cue, an address
 * written number-last) it leaves alone.
 *
 * <ul>
 *   <li><b>Email addresses</b> ({@code local@domain.tld}, also with a full-width {@code ＠}) are
 *       dropped.
 *   <li><b>Phone numbers</b> are dropped: 7 to 15 digits in groups separated by single spaces, dots
 *       or dashes, optionally led by {@code +country} and an area code in parentheses ({@code +1
 *       555-123-4567}, {@code (555) 123-4567}, {@code 07700 900123}, {@code 555.123.4567}), or 10
 *       to 13 digits in one run. Dates ({@code 2015-06-05}, {@code 05/06/2015}) and numbers grouped
 *       in thousands ({@code 1 234 567}) are not phone numbers; short numbers ({@code 911}, {@code
 *       101}) are kept.
 *   <li><b>URLs</b> are kept whole, unless an email address or phone number is in one: then the
 *       whole URL is dropped.
 *   <li><b>Street addresses</b> (number first: {@code 1234 Main St}, {@code 56 N Oak Avenue Apt 4},
 *       {@code Flat 3, 12 High Street}) become their hundred block: {@code 1200 block of Main St};
 *       a house number under 100 becomes the {@code unit block} ({@code unit block of Oak Avenue}),
 *       as US police write it. Unit and flat numbers are dropped. The street name must be
 *       capitalised and end with a street type ({@code St}, {@code Road}, {@code Close}, ...).
 *   <li><b>Licence plates</b> are dropped: UK {@code AB12 CDE}, {@code ABC-1234}, {@code ABC 123},
 *       {@code ABC1234}, California {@code 7ABC123}, and any letters-and-digits token after {@code
 *       plate}, {@code licence}, {@code license} or {@code reg}/{@code registration}. Road numbers
 *       ({@code I-95}, {@code HWY 101}, {@code M25}) are kept.
 *   <li><b>Names</b> are dropped when a cue introduces them: the honorifics {@code Mr}, {@code
 *       Mrs}, {@code Ms}, {@code Miss}, {@code Mx}, {@code Dr} (dropped with the name), the roles
 *       {@code suspect}, {@code victim}, {@code driver}, {@code complainant}, {@code caller},
 *       {@code witness}, {@code passenger}, {@code owner}, {@code resident} (kept, the name
 *       dropped) and {@code named}, {@code called}, {@code aka} (dropped with the name), followed
 *       by one to four capitalised words or initials. Descriptions ({@code suspect Male, 30s}) are
 *       kept. Names in all capitals cannot be told from other words and are kept.
 * </ul>
 *
 * <p>After a removal, the text is tidied: no double spaces, no space before punctuation, no empty
 * brackets, no dangling separator before a full stop.
 */
final class Redactor {
  /** Calls for service are about members of the public: everything above. */
  static final Redactor CALL_FOR_SERVICE = new Redactor(true, true, true);

  /** Beat posts are an officer's own words from the street: contacts and licence plates. */
  static final Redactor BEAT = new Redactor(true, false, false);

  /** Topic posts are an officer's own words: contacts only. */
  static final Redactor TOPIC = new Redactor(false, false, false);

  private static final char MASK = '\u0000';

  private static final Pattern EMAIL =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}._%+'-])[\\p{L}\\p{N}._%+'-]++[@\uFF20][\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,}");

  private static final Pattern PHONE =
      Pattern.compile(
          "(?=[+(\\d])(?<![\\p{N}+])(?:\\+\\d{1,3}[ .-]?)?(?:\\(\\d{1,5}\\)[ .-]?)?\\d{1,13}(?:[ .-]\\d{1,6}){0,6}(?!\\d)");

  private static final Pattern DATE =
      Pattern.compile(
          "(?=\\d)(?<!\\d[ .\\-/]?)(?:\\d{4}([-./])\\d{1,2}\\1\\d{1,2}|\\d{1,2}([-./])\\d{1,2}\\2(?:\\d{4}|\\d{2}))(?![ .\\-/]?\\d)");

  private static final Pattern THOUSANDS =
      Pattern.compile("\\d{1,3}(?:([ .])\\d{3})(?:\\1\\d{3})*");

  private static final String STREET_TYPES =
      "St|Street|Ave|Av|Avenue|Rd|Road|Blvd|Boulevard|Dr|Drive|Ln|Lane|Way"
          + "|Ct|Court|Pl|Place|Ter|Terrace|Pkwy|Parkway|Hwy|Highway|Cir|Circle|Close|Cres|Crescent|Sq|Square"
          + "|Row|Walk|Gardens|Gdns|Grove|Hill|Trail|Trl|Loop|Pike|Alley|Plaza|Mews|Green|Parade|Esplanade";

  private static final String UNIT =
      "(?:Apt|Apartment|Unit|Suite|Ste|Flat|Room|Rm)\\.?\\s*#?[A-Za-z0-9-]{1,6}|#[A-Za-z0-9-]{1,6}";

  private static final Pattern ADDRESS =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}$£€#/.,:-])"
              + "(?:(?:"
              + UNIT
              + "),?\\s+)?"
              + "(\\d{1,5})(?:-\\d{1,5})?[A-Za-z]?(?:\\s?(?:\u00BD|1/2))?\\s+"
              + "((?:(?:N|S|E|W|NE|NW|SE|SW|North|South|East|West)\\.?\\s+)?"
              + "(?:\\d{1,3}(?:st|nd|rd|th)|\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*)"
              + "(?:\\s+(?:\\p{Lu}[\\p{L}\\p{M}'\u2019.-]*|of|the|de|la|du)){0,3}"
              + "\\s+(?i:"
              + STREET_TYPES
              + ")\\.?(?:\\s+(?:N|S|E|W|NE|NW|SE|SW)\\.?)?)"
              + "(?![\\p{L}\\p{N}])"
              + "(?:,?\\s*(?:"
              + UNIT
              + ")(?![\\p{L}\\p{N}]))?");

  private static final List<Pattern> PLATES =
      List.of(
          Pattern.compile("(?<![\\p{L}\\p{N}])[A-Z]{2}[0-9]{2} ?[A-Z]{3}(?![\\p{L}\\p{N}])"),
          Pattern.compile(
              "(?<![\\p{L}\\p{N}])(?!(?:HWY|RTE|APT|STE|EXT|UNK|CFS|ABT)[- ]?\\d)[A-Z]{3}[- ]?[0-9]{3,4}(?![\\p{L}\\p{N}])"),
          Pattern.compile("(?<![\\p{L}\\p{N}])[0-9][A-Z]{3}[0-9]{3}(?![\\p{L}\\p{N}])"));

  private static final Pattern PLATE_AFTER_CUE =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])((?i:(?:number\\s+)?plates?|licen[cs]e(?:\\s+plates?)?|reg(?:istration)?)(?:\\s*(?i:no\\.?|number|#))?)"
              + "\\s*[:#]?\\s*"
              + "([A-Z0-9]{1,4}(?:[ -]?[A-Z0-9]{1,4}){0,2})(?![\\p{L}\\p{N}])");

  private static final String NAME_WORD =
      "(?:\\p{Lu}['\u2019])?\\p{Lu}[\\p{Ll}\\p{M}]+(?:\\p{Lu}[\\p{Ll}\\p{M}]+)?(?:-\\p{Lu}[\\p{Ll}\\p{M}]+)*";

  private static final String NOT_A_NAME =
      "(?!(?:Male|Female|Man|Woman|Men|Women|Unknown|Unidentified|White|Black"
          + "|Hispanic|Latino|Asian|Adult|Juvenile|Teen|Teenager|Boy|Girl|Was|Is|Were|Fled|Arrested|Detained|Taken"
          + "|Transported|Cited|Released|In|On|At|The|A|An|And|Of|With|Has|Had|Not|No|Also)(?![\\p{L}\\p{M}]))";

  private static final String NAME =
      NOT_A_NAME
          + "(?:"
          + NAME_WORD
          + "|\\p{Lu}\\.)(?:\\s+(?:"
          + NAME_WORD
          + "|\\p{Lu}\\.)){0,3}"
          + "(?![\\p{L}\\p{M}\\p{N}])";

  /** An honorific, not the "Dr" (Drive) that ends a street name. Dropped with the name. */
  private static final Pattern HONORIFIC_AND_NAME =
      Pattern.compile(
          "(?=[MD])(?<![\\p{L}\\p{N}])(?:Mrs|Mr|Ms|Miss|Mx|(?<!\\p{Lu}\\p{Ll}{0,30}\\s)Dr)\\.?\\s+"
              + NAME);

  private static final Pattern CUE_AND_NAME =
      Pattern.compile(
          "(?<![\\p{L}\\p{N}])(?i:(suspects?|victims?|drivers?|complainants?|callers?|witness(?:es)?|passengers?|owners?|residents?)"
              + "|(named|called|aka|a\\.k\\.a\\.))"
              + "(\\s*[:,\u2013-]?\\s+)"
              + NAME);

  private final boolean plates;
  private final boolean addresses;
  private final boolean names;

  private Redactor(boolean plates, boolean addresses, boolean names) {
    this.plates = plates;
    this.addresses = addresses;
    this.names = names;
  }

  /**
   * Removes the personal data this redactor looks for.
   *
   * @param text normalised text
   * @return the text without it, tidied; the same text when nothing was found
   */
  String redact(String text) {
    List<TweetFit.Span> urls = TweetFit.urls(text);
    Edits edits = new Edits();

    Matcher m = EMAIL.matcher(text);
    if (hasAt(text)) {
      while (m.find()) {
        edits.dropWithUrls(m.start(), m.end(), urls);
      }
    }
    boolean digits = hasDigit(text);
    if (addresses && digits) {
      m = ADDRESS.matcher(edits.masked(text, urls));
      while (m.find()) {
        edits.replace(m.start(), m.end(), block(m.group(1)) + " block of " + m.group(2));
      }
    }
    if (plates && digits) {
      for (Pattern p : PLATES) {
        m = p.matcher(edits.masked(text, urls));
        while (m.find()) {
          edits.replace(m.start(), m.end(), "");
        }
      }
      m = PLATE_AFTER_CUE.matcher(edits.masked(text, urls));
      while (m.find()) {
        String token = m.group(2);
        boolean needsLetter = m.group(1).regionMatches(true, 0, "reg", 0, 3);
        if (token.chars().anyMatch(Character::isDigit)
            && (!needsLetter || token.chars().anyMatch(Character::isLetter))) {
          edits.replace(m.start(2), m.end(2), "");
        }
      }
    }
    if (digits) {
      dropPhones(text, urls, edits);
    }
    if (names) {
      m = HONORIFIC_AND_NAME.matcher(edits.masked(text, urls));
      while (m.find()) {
        edits.replace(m.start(), m.end(), "");
      }
      m = CUE_AND_NAME.matcher(edits.masked(text, urls));
      while (m.find()) {
        edits.replace(m.group(1) != null ? m.end(1) : m.start(), m.end(), "");
      }
    }
    return edits.isEmpty() ? text : tidy(edits.apply(text));
  }

  private static boolean hasAt(String text) {
    return text.indexOf('@') >= 0 || text.indexOf('\uFF20') >= 0;
  }

  private static boolean hasDigit(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9') {
        return true;
      }
    }
    return false;
  }

  private static void dropPhones(String text, List<TweetFit.Span> urls, Edits edits) {
    char[] view = edits.masked(text, List.of()).toCharArray();
    Matcher dates = DATE.matcher(new String(view));
    while (dates.find()) {
      Arrays.fill(view, dates.start(), dates.end(), MASK);
    }
    Matcher m = PHONE.matcher(new String(view));
    int from = 0;
    while (from < view.length && m.find(from)) {
      String candidate = m.group();
      int digits = (int) candidate.chars().filter(c -> c >= '0' && c <= '9').count();
      if (isPhone(candidate, digits)) {
        edits.dropWithUrls(m.start(), m.end(), urls);
        from = m.end();
      } else if (digits > 15) {
        from = nextGroup(candidate, m.start()); // a long run of groups: look for a number inside it
      } else {
        from = m.end();
      }
    }
  }

  private static int nextGroup(String candidate, int start) {
    for (int i = 1; i < candidate.length(); i++) {
      char c = candidate.charAt(i);
      if (c == ' ' || c == '.' || c == '-') {
        return start + i + 1;
      }
    }
    return start + candidate.length();
  }

  private static boolean isPhone(String candidate, int digits) {
    if (digits < 7 || digits > 15) {
      return false;
    }
    if (candidate.startsWith("+") || candidate.indexOf('(') >= 0) {
      return true;
    }
    boolean grouped =
        candidate.indexOf(' ') >= 0 || candidate.indexOf('.') >= 0 || candidate.indexOf('-') >= 0;
    if (!grouped) {
      return digits >= 10 && digits <= 13;
    }
    return !THOUSANDS.matcher(candidate).matches();
  }

  private static String block(String houseNumber) {
    int n = Integer.parseInt(houseNumber);
    return n < 100 ? "unit" : Integer.toString(n / 100 * 100);
  }

  private static final Pattern SPACES = Pattern.compile("[ \\t]{2,}");
  private static final Pattern SPACE_BEFORE_PUNCTUATION =
      Pattern.compile("[ \\t]+(?=[,.;:!?)\\]])");
  private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\([\\s,;:]*\\)|\\[[\\s,;:]*\\]");
  private static final Pattern DANGLING_SEPARATOR = Pattern.compile("[,;:](?=[,.;:!?)\\]])");
  private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s,;:.]+");

  private static String tidy(String text) {
    String s = EMPTY_BRACKETS.matcher(text).replaceAll("");
    s = SPACES.matcher(s).replaceAll(" ");
    s = SPACE_BEFORE_PUNCTUATION.matcher(s).replaceAll("");
    s = DANGLING_SEPARATOR.matcher(s).replaceAll("");
    s = LEADING_SEPARATOR.matcher(s).replaceAll("");
    return TextCleaning.normalise(s, true);
  }

  /** Non-overlapping replacements of the original text; overlapping removals merge into one. */
  private static final class Edits {
    private final List<int[]> spans = new ArrayList<>();
    private final List<String> replacements = new ArrayList<>();

    boolean isEmpty() {
      return spans.isEmpty();
    }

    void dropWithUrls(int start, int end, List<TweetFit.Span> urls) {
      int s = start;
      int e = end;
      for (TweetFit.Span u : urls) {
        if (u.overlaps(s, e)) {
          s = Math.min(s, u.start());
          e = Math.max(e, u.end());
        }
      }
      replace(s, e, "");
    }

    void replace(int start, int end, String replacement) {
      int s = start;
      int e = end;
      String r = replacement;
      for (int i = spans.size() - 1; i >= 0; i--) {
        int[] span = spans.get(i);
        if (span[0] < e && s < span[1]) {
          s = Math.min(s, span[0]);
          e = Math.max(e, span[1]);
          r = "";
          spans.remove(i);
          replacements.remove(i);
        }
      }
      spans.add(new int[] {s, e});
      replacements.add(r);
    }

    /** The text with every edited span, and the given spans, masked out. */
    String masked(String text, List<TweetFit.Span> also) {
      char[] view = text.toCharArray();
      for (int[] span : spans) {
        Arrays.fill(view, span[0], span[1], MASK);
      }
      for (TweetFit.Span span : also) {
        Arrays.fill(view, span.start(), span.end(), MASK);
      }
      return new String(view);
    }

    String apply(String text) {
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < spans.size(); i++) {
        order.add(i);
      }
      order.sort((a, b) -> Integer.compare(spans.get(a)[0], spans.get(b)[0]));
      StringBuilder out = new StringBuilder(text.length());
      int at = 0;
      for (int i : order) {
        int[] span = spans.get(i);
        out.append(text, at, span[0]);
        String r = replacements.get(i);
        if (r.isEmpty()) {
          out.append(' '); // keep the words on either side apart; tidying removes extra spaces
        } else {
          out.append(r);
        }
        at = span[1];
      }
      return out.append(text, at, text.length()).toString();
    }
  }
}
