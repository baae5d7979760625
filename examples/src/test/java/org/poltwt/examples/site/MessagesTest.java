package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.poltwt.examples.site.view.Messages;
import org.poltwt.examples.site.view.Msg;

/**
 * The message bundle and its users agree: every key a template or the site's Java names is in the
 * bundle, every key of the bundle is named somewhere, every pattern parses, and no page shows a key
 * or an unfilled placeholder instead of words.
 */
class MessagesTest {
  private static final Path TEMPLATES = Path.of("src", "main", "jte");
  private static final Path SITE_JAVA =
      Path.of("src", "main", "java", "org", "poltwt", "examples", "site");

  /** A string literal that is a key: dotted words, as every key of the bundle is. */
  private static final Pattern TEMPLATE_KEY =
      Pattern.compile("\"([a-z][A-Za-z]*(?:\\.[A-Za-z0-9_]+)+)\"");

  /** In Java a key is only ever the first argument of Msg.of or the second of Option.message. */
  private static final Pattern JAVA_KEY =
      Pattern.compile("Msg\\.of\\(\\s*\"([^\"]+)\"|Option\\.message\\([^;]*?,\\s*\"([^\"]+)\"\\)");

  private final Messages t = Messages.english();

  @Test
  void everyKeyUsedIsInTheBundleAndEveryKeyInTheBundleIsUsed() {
    Set<String> used = new TreeSet<>();
    used.addAll(keys(TEMPLATES, ".jte", TEMPLATE_KEY));
    used.addAll(keys(SITE_JAVA, ".java", JAVA_KEY));

    assertThat(used).as("keys found in templates and Java").hasSizeGreaterThan(100);
    Set<String> missing = new TreeSet<>(used);
    missing.removeAll(t.keys());
    Set<String> unused = new TreeSet<>(t.keys());
    unused.removeAll(used);
    assertThat(missing).as("keys used but not in messages.properties").isEmpty();
    assertThat(unused).as("keys in messages.properties that nothing uses").isEmpty();
  }

  @Test
  void theScanFindsKeysInEveryFormTheyAreWritten() {
    String java =
        "Msg.of(\"a.b\", 1); Option.message(\"\", \"c.d\"); Option.message(s.name(), \"e.f\");";
    String jte =
        "${t.get(officer ? \"g.h\" : \"i.j\")} href=\"/assets/x.js\" class=\"field has-error\"";

    assertThat(matches(JAVA_KEY, java)).containsExactlyInAnyOrder("a.b", "c.d", "e.f");
    assertThat(matches(TEMPLATE_KEY, jte)).containsExactlyInAnyOrder("g.h", "i.j");
  }

  @Test
  void everyPatternWithArgumentsParsesAndKeepsItsApostrophes() {
    for (String key : t.keys()) {
      String pattern = t.get(key);
      if (!pattern.matches("(?s).*\\{\\d.*")) {
        continue;
      }
      new MessageFormat(pattern);
      assertThat(pattern.replace("''", ""))
          .as(key + ": an apostrophe in a pattern is written ''")
          .doesNotContain("'");
    }
  }

  @Test
  void argumentsAreFilledAndWholeNumbersKeepTheirPlainDigits() {
    assertThat(t.get("home.heading", "PolTwt", 2026)).isEqualTo("#PolTwt edition 2026");
    assertThat(t.get(Msg.of("map.count", 1234, 50L)))
        .isEqualTo("1234 confirmed accounts with an address, in 50 " + "countries.");
    assertThat(t.get("signup.handle.agency.hint"))
        .isEqualTo("The agency's account, e.g. @PoliciaMadrid");
    assertThat(t.get("layout.title", "Home")).isEqualTo("Home \u00b7 #PolTwt");
  }

  @Test
  void noPageShowsAKeyOrAnUnfilledPlaceholder() {
    try (TestSite site =
        TestSite.start(Clock.fixed(Instant.parse("2026-06-01T10:00:00Z"), ZoneOffset.UTC), 1000)) {
      WebClient visitor = site.client();
      WebClient organiser = site.client();
      organiser.get("/organiser/login");
      organiser.post("/organiser/login", Map.of("password", TestSite.PASSWORD));
      visitor.get("/signup");
      List<WebClient.Response> pages =
          new ArrayList<>(
              List.of(
                  visitor.get("/"),
                  visitor.get("/?zone=Asia/Kolkata"),
                  visitor.post("/signup", Map.of("form", "agency", "handle", "x y")),
                  visitor.get("/signup/sent"),
                  visitor.get("/verify?token=abc"),
                  visitor.get("/verify"),
                  visitor.get("/lookup"),
                  visitor.get("/map"),
                  organiser.get("/organiser/outbox"),
                  visitor.get("/unsubscribe?token=x"),
                  visitor.get("/no/such/page"),
                  organiser.get("/organiser"),
                  organiser.get("/organiser/review"),
                  organiser.get("/organiser/registrations"),
                  organiser.get("/organiser/announcements"),
                  organiser.get("/organiser/edition"),
                  organiser.get("/organiser/wrapup")));
      visitor.get("/lookup");
      pages.add(visitor.post("/lookup", Map.of("handle", "NobodyHere")));
      pages.add(visitor.post("/verify", Map.of("token", "unknown")));
      pages.add(site.client().get("/organiser/login"));

      for (WebClient.Response page : pages) {
        String text = page.body().replaceAll("<[^>]*>", " ");
        for (String key : t.keys()) {
          assertThat(text).as("a page shows the key " + key).doesNotContain(" " + key + " ");
        }
        assertThat(text).doesNotContainPattern("\\{\\d");
        assertThat(page.body()).startsWith("<!DOCTYPE html>");
      }
    }
  }

  private static Set<String> keys(Path root, String suffix, Pattern key) {
    Set<String> found = new TreeSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file :
          (Iterable<Path>) files.filter(p -> p.toString().endsWith(suffix))::iterator) {
        found.addAll(matches(key, Files.readString(file)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  private static List<String> matches(Pattern key, String text) {
    List<String> out = new ArrayList<>();
    Matcher m = key.matcher(text);
    while (m.find()) {
      for (int g = 1; g <= m.groupCount(); g++) {
        if (m.group(g) != null) {
          out.add(m.group(g));
        }
      }
    }
    return out;
  }
}
