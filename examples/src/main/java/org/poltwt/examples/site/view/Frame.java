package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the layout around every page needs from the request: the messages, the main navigation with
 * the current page marked, the CSRF token that every POST form carries, and the language switcher.
 *
 * @param t the messages in the visitor's language
 * @param nav the main navigation, in order
 * @param csrf the form token for this visitor's CSRF cookie
 * @param languages the switcher's links, one per language of the site; empty shows no switcher
 */
public record Frame(Messages t, List<NavItem> nav, String csrf, List<LanguageLink> languages) {
  /**
   * Checks the parts.
   *
   * @param t the messages
   * @param nav the navigation
   * @param csrf the token
   * @param languages the switcher's links
   */
  public Frame {
    requireNonNull(t, "t");
    nav = List.copyOf(nav);
    requireNonNull(csrf, "csrf");
    languages = List.copyOf(languages);
  }

  /**
   * A frame without a language switcher, for a page rendered outside a request.
   *
   * @param t the messages
   * @param nav the navigation
   * @param csrf the token
   */
  public Frame(Messages t, List<NavItem> nav, String csrf) {
    this(t, nav, csrf, List.of());
  }

  /**
   * The direction of the page's text, for {@code <html dir>}.
   *
   * @return {@code rtl} for a right-to-left language, else {@code ltr}
   */
  public String dir() {
    return Languages.rightToLeft(t.textLocale()) ? "rtl" : "ltr";
  }

  /**
   * A link of the language switcher: the page being shown, in another language.
   *
   * @param code the language's code, for the link's {@code lang} and {@code hreflang}
   * @param name the language's own name, shown untranslated
   * @param href the current page with {@code ?lang=code}
   * @param current whether it is the language being shown
   */
  public record LanguageLink(String code, String name, String href, boolean current) {
    /**
     * Checks the parts.
     *
     * @param code the code
     * @param name the name
     * @param href the link
     * @param current whether it is the current language
     */
    public LanguageLink {
      requireNonNull(code, "code");
      requireNonNull(name, "name");
      requireNonNull(href, "href");
    }
  }

  /**
   * A link of the main navigation.
   *
   * @param href where it goes
   * @param label its label
   * @param current whether it is the page being shown (or, for a section, one of its pages)
   */
  public record NavItem(String href, Msg label, boolean current) {
    /**
     * Checks the parts.
     *
     * @param href where it goes
     * @param label its label
     * @param current whether it is the current page
     */
    public NavItem {
      requireNonNull(href, "href");
      requireNonNull(label, "label");
    }
  }
}
