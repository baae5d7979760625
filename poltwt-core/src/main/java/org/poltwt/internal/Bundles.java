package org.poltwt.internal;

import java.util.Locale;
import java.util.ResourceBundle;

/**
 * poltwt's message bundles: a locale's language when the bundle has it, else the bundle's base
 * (English). Never the JVM's default locale, which is the server's and not the reader's.
 */
public final class Bundles {
  private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private Bundles() {}

  /**
   * Loads a bundle of properties files.
   *
   * @param name the bundle's base name, such as {@code org.poltwt.registration.mails}
   * @param locale the reader's locale
   * @return the bundle in the locale's language, or the base bundle
   */
  public static ResourceBundle load(String name, Locale locale) {
    return ResourceBundle.getBundle(name, locale, NO_DEFAULT_LOCALE);
  }
}
