package org.poltwt.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The languages poltwt's core bundles are written in, kept in this one place for every test that
 * goes through them, and a reader of a bundle's properties file as the JDK reads it (UTF-8).
 */
public final class Translations {
  /** English, the base file of every bundle, then the languages each bundle is translated into. */
  public static final List<String> LANGUAGES =
      List.of("en", "es", "fr", "de", "pt", "it", "nl", "ar");

  private Translations() {}

  /**
   * Returns every language, English first.
   *
   * @return {@link #LANGUAGES}
   */
  public static List<String> languages() {
    return LANGUAGES;
  }

  /**
   * Returns the languages besides English.
   *
   * @return the language codes of the translation files ({@code _xx} suffixes)
   */
  public static List<String> translated() {
    return LANGUAGES.subList(1, LANGUAGES.size());
  }

  /**
   * Returns the file name suffix of a language's file in a bundle.
   *
   * @param language a language of {@link #LANGUAGES}
   * @return {@code ""} for English, the base file; {@code "_xx"} otherwise
   */
  public static String suffix(String language) {
    return language.equals("en") ? "" : "_" + language;
  }

  /**
   * Reads one language's file of a bundle.
   *
   * @param base the bundle's base resource path, such as {@code org/poltwt/registration/mails}
   * @param language a language of {@link #LANGUAGES}
   * @return the file's properties
   * @throws AssertionError if the file is missing
   */
  public static Properties properties(String base, String language) {
    String resource = base + suffix(language) + ".properties";
    Properties p = new Properties();
    try (InputStream in = Translations.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new AssertionError("no resource " + resource);
      }
      p.load(new InputStreamReader(in, UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
