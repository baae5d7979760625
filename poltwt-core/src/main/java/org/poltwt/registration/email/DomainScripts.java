package org.poltwt.registration.email;

import java.lang.Character.UnicodeScript;
import java.net.IDN;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * Finds homoglyph domains: labels that mix scripts, and labels written wholly in letters that
 * imitate plain Latin ones.
 *
 * <p>Each internationalised label is decoded ({@link IDN#toUnicode(String, int)}) and checked on
 * its own:
 *
 * <ol>
 *   <li><b>Mixed scripts.</b> The scripts of its letters (ignoring Common and Inherited: digits,
 *       hyphens, combining marks) must be one script, or one of the combinations Unicode's "highly
 *       restrictive" profile (UTS #39) allows: Latin with Han, Hiragana and Katakana; Latin with
 *       Han and Bopomofo; Latin with Han and Hangul. {@code pоlice} with a Cyrillic {@code о}
 *       fails.
 *   <li><b>Whole-script lookalikes.</b> The label's "skeleton" maps the common Cyrillic, Greek,
 *       Armenian and special Latin lookalikes ({@code а е о р с у х і ј ѕ ԁ һ ӏ г п ɡ ı ο α ν ρ
 *       ...}) and non-ASCII hyphens to their ASCII look; if the skeleton is pure ASCII, the label
 *       only pretends to be a Latin name ({@code рогісе}). As browsers do, a Cyrillic, Greek or
 *       Armenian label of this kind is let through when its top-level domain is written in the same
 *       script or belongs to a country that writes in it ({@code .рф}, {@code .ru}, {@code .gr},
 *       ...): there the script is the expected one. Such a top-level label itself is let through
 *       only when the Public Suffix List knows it. Latin labels made of special letters or
 *       non-ASCII hyphens ({@code ɡov}, {@code police‐dept}) are never let through.
 * </ol>
 *
 * <p>Legitimate names in one script that are not made of lookalikes ({@code полиция.рф}, {@code
 * 警察.jp}, {@code münchen.de}) pass.
 */
final class DomainScripts {
  private static final Set<UnicodeScript> JAPANESE =
      EnumSet.of(
          UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HIRAGANA, UnicodeScript.KATAKANA);
  private static final Set<UnicodeScript> CHINESE =
      EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.BOPOMOFO);
  private static final Set<UnicodeScript> KOREAN =
      EnumSet.of(UnicodeScript.LATIN, UnicodeScript.HAN, UnicodeScript.HANGUL);

  private static final Set<String> CYRILLIC_COUNTRIES =
      Set.of("ru", "su", "by", "ua", "kz", "kg", "bg", "mk", "rs", "ba", "me", "tj", "uz", "mn");
  private static final Set<String> GREEK_COUNTRIES = Set.of("gr", "cy");
  private static final Set<String> ARMENIAN_COUNTRIES = Set.of("am");

  private DomainScripts() {}

  /**
   * Checks every internationalised label of a domain.
   *
   * @param domain a lower-case ASCII domain whose {@code xn--} labels are valid
   * @param psl the suffix list, to know real top-level domains
   * @return the reason the domain is a lookalike, or null when it is not
   */
  static String lookalikeProblem(String domain, PublicSuffixRules psl) {
    int lastDot = domain.lastIndexOf('.');
    String tld = domain.substring(lastDot + 1);
    String tldUnicode = null;
    int start = 0;
    while (start < domain.length()) {
      int end = domain.indexOf('.', start);
      if (end < 0) {
        end = domain.length();
      }
      if (domain.startsWith("xn--", start)) {
        String unicode = IDN.toUnicode(domain.substring(start, end), IDN.USE_STD3_ASCII_RULES);
        EnumSet<UnicodeScript> scripts = scriptsOf(unicode);
        if (scripts.size() > 1
            && !JAPANESE.containsAll(scripts)
            && !CHINESE.containsAll(scripts)
            && !KOREAN.containsAll(scripts)) {
          return "the domain mixes scripts ("
              + names(scripts)
              + "); lookalike domains are not accepted";
        }
        if (skeletonIsAscii(unicode)) {
          UnicodeScript script =
              scripts.isEmpty() ? UnicodeScript.COMMON : scripts.iterator().next();
          boolean isTld = end == domain.length();
          if (tldUnicode == null) {
            tldUnicode =
                tld.startsWith("xn--") ? IDN.toUnicode(tld, IDN.USE_STD3_ASCII_RULES) : tld;
          }
          boolean latin = script == UnicodeScript.LATIN || script == UnicodeScript.COMMON;
          boolean expected =
              !latin
                  && psl.isKnownTopLevelDomain(tld)
                  && (isTld || writtenIn(tldUnicode, script) || countryWrites(tld, script));
          if (!expected) {
            return latin
                ? "the domain uses lookalike characters in place of plain Latin letters;"
                    + " lookalike domains are not accepted"
                : "the domain imitates Latin letters with "
                    + name(script)
                    + " lookalikes; lookalike domains are not accepted";
          }
        }
      }
      start = end + 1;
    }
    return null;
  }

  private static EnumSet<UnicodeScript> scriptsOf(String label) {
    EnumSet<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
    for (int i = 0; i < label.length(); ) {
      int cp = label.codePointAt(i);
      UnicodeScript s = UnicodeScript.of(cp);
      if (s != UnicodeScript.COMMON && s != UnicodeScript.INHERITED) {
        scripts.add(s);
      }
      i += Character.charCount(cp);
    }
    return scripts;
  }

  private static boolean writtenIn(String label, UnicodeScript script) {
    EnumSet<UnicodeScript> scripts = scriptsOf(label);
    return scripts.size() == 1 && scripts.contains(script);
  }

  private static boolean countryWrites(String tld, UnicodeScript script) {
    switch (script) {
      case CYRILLIC:
        return CYRILLIC_COUNTRIES.contains(tld);
      case GREEK:
        return GREEK_COUNTRIES.contains(tld);
      case ARMENIAN:
        return ARMENIAN_COUNTRIES.contains(tld);
      default:
        return false;
    }
  }

  /** Whether mapping every lookalike to its ASCII look leaves no non-ASCII character. */
  static boolean skeletonIsAscii(String label) {
    boolean changed = false;
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      if (c < 0x80) {
        continue;
      }
      if (asciiLook(c) == 0) {
        return false;
      }
      changed = true;
    }
    return changed;
  }

  /**
   * The ASCII letter, digit or hyphen a character is easily taken for, or 0. After the lower-casing
   * IDNA applies, only lower-case forms occur.
   */
  static char asciiLook(char c) {
    switch (c) {
      // Cyrillic
      case '\u0430':
        return 'a'; // а
      case '\u0433':
        return 'r'; // г
      case '\u0435':
        return 'e'; // е
      case '\u0437':
        return '3'; // з
      case '\u043E':
        return 'o'; // о
      case '\u043F':
        return 'n'; // п
      case '\u0440':
        return 'p'; // р
      case '\u0441':
        return 'c'; // с
      case '\u0443':
        return 'y'; // у
      case '\u0445':
        return 'x'; // х
      case '\u044A':
        return 'b'; // ъ
      case '\u044C':
        return 'b'; // ь
      case '\u0455':
        return 's'; // ѕ
      case '\u0456':
        return 'i'; // і
      case '\u0457':
        return 'i'; // ї
      case '\u0458':
        return 'j'; // ј
      case '\u0461':
        return 'w'; // ѡ
      case '\u0475':
        return 'v'; // ѵ
      case '\u04AF':
        return 'y'; // ү
      case '\u04BB':
        return 'h'; // һ
      case '\u04BD':
        return 'e'; // ҽ
      case '\u04CF':
        return 'l'; // ӏ
      case '\u0501':
        return 'd'; // ԁ
      case '\u050D':
        return 'g'; // ԍ
      case '\u051B':
        return 'q'; // ԛ
      case '\u051D':
        return 'w'; // ԝ
      // Greek
      case '\u03B1':
        return 'a'; // α
      case '\u03B3':
        return 'y'; // γ
      case '\u03B7':
        return 'n'; // η
      case '\u03B9':
        return 'i'; // ι
      case '\u03BA':
        return 'k'; // κ
      case '\u03BD':
        return 'v'; // ν
      case '\u03BF':
        return 'o'; // ο
      case '\u03C1':
        return 'p'; // ρ
      case '\u03C5':
        return 'u'; // υ
      case '\u03C7':
        return 'x'; // χ
      case '\u03F2':
        return 'c'; // ϲ
      case '\u03F3':
        return 'j'; // ϳ
      // Armenian
      case '\u0570':
        return 'h'; // հ
      case '\u0578':
        return 'n'; // ո
      case '\u057D':
        return 'u'; // ս
      case '\u0581':
        return 'g'; // ց
      case '\u0566':
        return 'q'; // զ
      case '\u0585':
        return 'o'; // օ
      // Latin letters that are not plain ASCII but read as one
      case '\u0131':
        return 'i'; // ı dotless i
      case '\u0237':
        return 'j'; // ȷ dotless j
      case '\u0251':
        return 'a'; // ɑ
      case '\u0261':
        return 'g'; // ɡ
      case '\u0269':
        return 'i'; // ɩ
      case '\u026A':
        return 'i'; // ɪ
      case '\u0274':
        return 'n'; // ɴ
      case '\u0280':
        return 'r'; // ʀ
      case '\u028F':
        return 'y'; // ʏ
      case '\u1D00':
        return 'a'; // ᴀ
      case '\u1D04':
        return 'c'; // ᴄ
      case '\u1D05':
        return 'd'; // ᴅ
      case '\u1D07':
        return 'e'; // ᴇ
      case '\u1D0F':
        return 'o'; // ᴏ
      case '\u1D1C':
        return 'u'; // ᴜ
      case '\u1D20':
        return 'v'; // ᴠ
      case '\u1D21':
        return 'w'; // ᴡ
      case '\u1D22':
        return 'z'; // ᴢ
      // hyphens and minus signs
      case '\u2010':
      case '\u2011':
      case '\u2012':
      case '\u2013':
      case '\u2014':
      case '\u2015':
      case '\u2212':
      case '\u2043':
      case '\uFE63':
        return '-';
      default:
        return 0;
    }
  }

  private static String names(Set<UnicodeScript> scripts) {
    StringBuilder out = new StringBuilder();
    Iterator<UnicodeScript> it = scripts.iterator();
    int i = 0;
    while (it.hasNext()) {
      UnicodeScript s = it.next();
      if (i > 0) {
        out.append(it.hasNext() ? ", " : " and ");
      }
      out.append(name(s));
      i++;
    }
    return out.toString();
  }

  private static String name(UnicodeScript script) {
    String[] words = script.name().toLowerCase(Locale.ROOT).split("_");
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(Character.toUpperCase(w.charAt(0))).append(w, 1, w.length());
    }
    return out.toString();
  }
}
