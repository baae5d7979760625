package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No words are written into a template: every word a visitor reads comes from the bundle, so every
 * word can be translated. The test takes the jte code out of each template (expressions, control
 * flow, calls of other templates, keeping the markup those calls are given) and looks at what is
 * left: text between tags, and the attributes a person reads or hears.
 */
class TemplateTextTest {
  private static final Path TEMPLATES = Path.of("src", "main", "jte");

  /** Attributes whose values are shown or read out. */
  private static final Pattern READ_ATTRIBUTE =
      Pattern.compile(
          "\\s(alt|title|aria-label|placeholder|label|aria-valuetext)\\s*=\\s*\"([^\"]*)\"");

  private static final Pattern BUTTON_VALUE =
      Pattern.compile(
          "<input[^>]*type=\"(?:submit|button|reset)\"[^>]*\\svalue=\"([^\"]*)\"|"
              + "<input[^>]*\\svalue=\"([^\"]*)\"[^>]*type=\"(?:submit|button|reset)\"");

  /** A word: a letter. Digits, punctuation and symbols are not language. */
  private static final Pattern LETTER = Pattern.compile("\\p{L}");

  @Test
  void noTemplateWritesWordsOfItsOwn() {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(TEMPLATES)) {
      for (Path file :
          (Iterable<Path>) files.filter(p -> p.toString().endsWith(".jte")).sorted()::iterator) {
        for (String text : literalText(Files.readString(file))) {
          found.add(TEMPLATES.relativize(file) + ": " + text);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(found).as("words written into templates instead of the bundle").isEmpty();
  }

  @Test
  void theScanFindsWordsInTextAndInReadAttributesButNotInCode() {
    String template =
        "@param Frame f\n"
            + "!{var t = f.t();}\n"
            + "<%-- a comment is no text --%>\n"
            + "@template.layout(f = f, title = t.get(\"x.y\"), content = @`\n"
            + "<h1 class=\"big\">${t.get(\"a.b\")}</h1>\n"
            + "@if(f.nav().isEmpty())<p>Hello ${t.get(\"c.d\")}</p>@endif\n"
            + "<img src=\"/a.png\" alt=\"A map\"><a href=\"#x\" aria-label=\"${t.get(\"e\")}\">·</a>\n"
            + "@template.tag.notice(kind = \"info\", content = @`<b>Note</b> ${x}`)\n"
            + "<input type=\"submit\" value=\"Send\"> (12) #${h.tag()}\n"
            + "`)\n";

    assertThat(literalText(template))
        .containsExactlyInAnyOrder("Hello", "alt=\"A map\"", "Note", "value=\"Send\"");
  }

  /** The words a template writes itself, each as found. */
  static List<String> literalText(String template) {
    String html = markup(template.replaceAll("(?s)<%--.*?--%>", ""));
    List<String> found = new ArrayList<>();
    Matcher attributes = READ_ATTRIBUTE.matcher(html);
    while (attributes.find()) {
      if (LETTER.matcher(attributes.group(2)).find()) {
        found.add(attributes.group(1) + "=\"" + attributes.group(2) + "\"");
      }
    }
    Matcher buttons = BUTTON_VALUE.matcher(html);
    while (buttons.find()) {
      String value = buttons.group(1) != null ? buttons.group(1) : buttons.group(2);
      if (LETTER.matcher(value).find()) {
        found.add("value=\"" + value + "\"");
      }
    }
    String text = html.replaceAll("(?s)<script.*?</script>|<style.*?</style>", " ");
    for (String node : text.split("<[^>]*>")) {
      String words = node.replaceAll("&[a-z]+;|&#\\d+;", " ").strip();
      if (LETTER.matcher(words).find()) {
        found.add(words);
      }
    }
    return found;
  }

  /**
   * A template without its jte code: expressions and code blocks become nothing, control flow and
   * declarations go, and a call of another template is replaced by the markup it is given.
   */
  private static String markup(String t) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < t.length()) {
      if (t.startsWith("${", i) || t.startsWith("!{", i)) {
        i = closing(t, i + 1, '{', '}');
      } else if (t.startsWith("$unsafe{", i)) {
        i = closing(t, i + 7, '{', '}');
      } else if (t.startsWith("@param", i) || t.startsWith("@import", i)) {
        int end = t.indexOf('\n', i);
        i = end < 0 ? t.length() : end;
      } else if (t.startsWith("@if(", i)
          || t.startsWith("@elseif(", i)
          || t.startsWith("@for(", i)
          || t.startsWith("@template.", i)) {
        int open = t.indexOf('(', i);
        if (t.startsWith("@template.", i)) {
          i = call(t, open, out);
        } else {
          i = closing(t, open, '(', ')');
        }
      } else if (t.startsWith("@else", i)) {
        i += "@else".length();
      } else if (t.startsWith("@endif", i) || t.startsWith("@endfor", i)) {
        i += t.startsWith("@endif", i) ? "@endif".length() : "@endfor".length();
      } else {
        out.append(t.charAt(i));
        i++;
      }
    }
    return out.toString();
  }

  /** Skips a template call's arguments, keeping the markup of each {@code @`...`} it passes. */
  private static int call(String t, int open, StringBuilder out) {
    int depth = 0;
    int i = open;
    while (i < t.length()) {
      char c = t.charAt(i);
      if (c == '"') {
        i = t.indexOf('"', i + 1) + 1;
        continue;
      }
      if (t.startsWith("@`", i)) {
        int end = content(t, i + 2);
        out.append(' ').append(markup(t.substring(i + 2, end))).append(' ');
        i = end + 1;
        continue;
      }
      if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i + 1;
      }
      i++;
    }
    return t.length();
  }

  /** Where a content block that starts at {@code from} ends: its closing backtick. */
  private static int content(String t, int from) {
    int depth = 1;
    for (int i = from; i < t.length(); i++) {
      if (t.startsWith("@`", i)) {
        depth++;
        i++;
      } else if (t.charAt(i) == '`' && --depth == 0) {
        return i;
      }
    }
    return t.length();
  }

  /** The index after the bracket that closes the one at {@code open}, strings skipped. */
  private static int closing(String t, int open, char in, char out) {
    int depth = 0;
    for (int i = open; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c == '"') {
        int end = t.indexOf('"', i + 1);
        while (end > 0 && t.charAt(end - 1) == '\\') {
          end = t.indexOf('"', end + 1);
        }
        i = end < 0 ? t.length() : end;
      } else if (c == in) {
        depth++;
      } else if (c == out && --depth == 0) {
        return i + 1;
      }
    }
    return t.length();
  }
}
