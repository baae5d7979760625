package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.site.view.Languages;
import org.poltwt.examples.site.view.Messages;

/**
 * Every translation of the site's bundle, found in the resource folder (so a file added later is
 * checked without touching this test), says the same things as the English one: the same keys, the
 * same arguments per key, and patterns that parse.
 */
class MessageBundlesTest {
  static final Path FOLDER =
      Path.of("src", "main", "resources", "org", "poltwt", "examples", "site");

  private static final Pattern TRANSLATION = Pattern.compile("messages_([A-Za-z_]+)\\.properties");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  /** The bundle files as the JDK reads them (UTF-8), without the English parent's keys. */
  static Properties read(Path file) {
    try {
      byte[] bytes = Files.readAllBytes(file);
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
      Properties p = new Properties();
      p.load(new StringReader(text));
      return p;
    } catch (CharacterCodingException e) {
      throw new AssertionError(file + " is not UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Path> translations() {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files
          .filter(f -> TRANSLATION.matcher(f.getFileName().toString()).matches())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Set<String> arguments(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern);
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void everyTranslationHasExactlyTheEnglishKeysAndArguments() {
    Properties english = read(FOLDER.resolve("messages.properties"));
    List<Path> translations = translations();
    assertThat(translations)
        .as("the translations this branch writes")
        .extracting(f -> f.getFileName().toString())
        .contains("messages_es.properties", "messages_ar.properties");

    for (Path file : translations) {
      Properties translated = read(file);
      Set<String> missing = new TreeSet<>(english.stringPropertyNames());
      missing.removeAll(translated.stringPropertyNames());
      Set<String> extra = new TreeSet<>(translated.stringPropertyNames());
      extra.removeAll(english.stringPropertyNames());
      assertThat(missing).as(file + ": keys it lacks").isEmpty();
      assertThat(extra).as(file + ": keys English does not have").isEmpty();

      for (String key : english.stringPropertyNames()) {
        String source = english.getProperty(key);
        String target = translated.getProperty(key);
        assertThat(arguments(target))
            .as(file.getFileName() + " " + key + ": its arguments")
            .isEqualTo(arguments(source));
        if (!arguments(source).isEmpty()) {
          assertThatCode(() -> new MessageFormat(target))
              .as(file.getFileName() + " " + key + ": a MessageFormat pattern")
              .doesNotThrowAnyException();
          assertThat(target.replace("''", ""))
              .as(file.getFileName() + " " + key + ": an apostrophe in a pattern is written ''")
              .doesNotContain("'");
        }
      }
    }
  }

  @Test
  void everyTranslationIsOfALanguageTheSiteOffers() {
    for (Path file : translations()) {
      Matcher m = TRANSLATION.matcher(file.getFileName().toString());
      assertThat(m.matches()).isTrue();
      Locale locale = Locale.forLanguageTag(m.group(1).replace('_', '-'));
      assertThat(Languages.supported(locale.toLanguageTag()))
          .as(file + " is a language of the switcher")
          .isPresent();
      assertThat(Messages.of(locale).get("nav.home"))
          .as(file + " is what the site loads for its language")
          .isEqualTo(read(file).getProperty("nav.home"));
    }
  }

  @Test
  void theCheckFindsAMissingArgument() {
    assertThat(arguments("Sent to {0} of {1}; {3} retried")).containsExactly("0", "1", "3");
    assertThat(arguments("Enviado a {0}")).isNotEqualTo(arguments("Sent to {0} of {1}"));
  }
}
