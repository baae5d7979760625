package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * What the layout around every page needs from the request: the messages, the main navigation with
 * the current page marked, and the CSRF token that every POST form carries.
 *
 * @param t the messages in the visitor's language
 * @param nav the main navigation, in order
 * @param csrf the form token for this visitor's CSRF cookie
 */
public record Frame(Messages t, List<NavItem> nav, String csrf) {
  /**
   * Checks the parts.
   *
   * @param t the messages
   * @param nav the navigation
   * @param csrf the token
   */
  public Frame {
    requireNonNull(t, "t");
    nav = List.copyOf(nav);
    requireNonNull(csrf, "csrf");
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
