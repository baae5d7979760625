package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.text.MessageFormat;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The words a page shows, from the bundle {@code org/poltwt/examples/site/messages.properties}
 * (English) and its translations, the {@code messages_xx.properties} siblings of the languages
 * {@link Languages} lists. A key a translation lacks falls back to English, never to the JVM's
 * default locale.
 *
 * <p>A message with arguments is a {@link MessageFormat} pattern, so an apostrophe in it is written
 * {@code ''}; a message without arguments is shown as written. Whole numbers are given to the
 * pattern as their plain digits, as the pages always showed them: an edition or a year must not
 * become {@code 2,026}. In a right-to-left language each text argument is isolated from the words
 * around it (Unicode's directional isolates), as {@code <bdi>} would in markup.
 */
public final class Messages {
  private static final String BUNDLE = "org.poltwt.examples.site.messages";
  private static final Map<Locale, Messages> CACHE = new ConcurrentHashMap<>();

  private final Locale locale;
  private final ResourceBundle bundle;
  private final Map<String, MessageFormat> formats = new ConcurrentHashMap<>();

  private Messages(Locale locale) {
    this.locale = locale;
    // No fallback to the JVM's default locale: a server in Germany must not serve German to a
    // visitor who asked for English just because a German bundle exists.
    this.bundle =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * The messages in a language; English for a language without a translation.
   *
   * @param locale the visitor's language
   * @return the messages, shared and thread-safe
   */
  public static Messages of(Locale locale) {
    requireNonNull(locale, "locale");
    return CACHE.computeIfAbsent(locale, Messages::new);
  }

  /**
   * The English messages.
   *
   * @return the messages
   */
  public static Messages english() {
    return of(Locale.ENGLISH);
  }

  /**
   * The language the messages are formatted for.
   *
   * @return the locale
   */
  public Locale locale() {
    return locale;
  }

  /**
   * The language the words are in, for a page's {@code lang}: the locale asked for when its
   * language has a translation (its region kept), else English, which is what a language without a
   * translation is shown in, so that a screen reader is never told French and given English.
   *
   * @return the locale of the text
   */
  public Locale textLocale() {
    String found = bundle.getLocale().getLanguage();
    String asked = locale.getLanguage();
    return found.equals(asked) || (found.isEmpty() && asked.equals("en")) ? locale : Locale.ENGLISH;
  }

  /**
   * A message, its arguments filled in.
   *
   * @param key the message's key in the bundle
   * @param args the values for {@code {0}}, {@code {1}}, ...
   * @return the text, to be escaped by the template like any other value
   * @throws java.util.MissingResourceException if the bundle has no such key: a page must never
   *     show a raw key
   */
  public String get(String key, Object... args) {
    requireNonNull(key, "key");
    String pattern = bundle.getString(key);
    if (args.length == 0) {
      return pattern;
    }
    Object[] values = new Object[args.length];
    boolean isolate = Languages.rightToLeft(locale);
    for (int i = 0; i < args.length; i++) {
      Object a = args[i];
      if (a instanceof Integer || a instanceof Long) {
        values[i] = a.toString();
      } else if (isolate && a instanceof String text) {
        // In right-to-left text a value of its own direction (a handle, an address, a date in
        // English) is set apart, so that its @, dots and digits are not reordered with the words
        // around it: FIRST STRONG ISOLATE before it, POP DIRECTIONAL ISOLATE after.
        values[i] = "\u2068" + text + "\u2069";
      } else {
        values[i] = a;
      }
    }
    MessageFormat format = formats.computeIfAbsent(key, k -> new MessageFormat(pattern, locale));
    // MessageFormat is not thread-safe; the cached one is shared between requests.
    synchronized (format) {
      return format.format(values);
    }
  }

  /**
   * A message chosen by the Java side, with its arguments.
   *
   * @param message the key and arguments
   * @return the text
   * @throws java.util.MissingResourceException if the bundle has no such key
   */
  public String get(Msg message) {
    requireNonNull(message, "message");
    return get(message.key(), message.args().toArray());
  }

  /**
   * Whether the bundle has a message.
   *
   * @param key the key
   * @return true if it has
   */
  public boolean has(String key) {
    return bundle.containsKey(key);
  }

  /**
   * Every key of the bundle, sorted; for the test that finds unused and missing messages.
   *
   * @return the keys
   */
  public Set<String> keys() {
    return Collections.unmodifiableSet(new TreeSet<>(bundle.keySet()));
  }
}
