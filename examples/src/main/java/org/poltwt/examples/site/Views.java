package org.poltwt.examples.site;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.poltwt.examples.site.view.Frame;
import org.poltwt.examples.site.view.Languages;
import org.poltwt.examples.site.view.Messages;

/**
 * Renders the jte templates of {@code src/main/jte}. They are compiled to Java classes at build
 * time (the jte-maven-plugin's generate goal) and only loaded here: nothing is compiled at run
 * time, so the site needs neither a JDK compiler nor the template sources when it runs.
 */
final class Views {
  /** The package the plugin generates the template classes into (see examples/pom.xml). */
  static final String PACKAGE = "org.poltwt.examples.site.templates";

  private static final TemplateEngine ENGINE =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Views.class.getClassLoader(), PACKAGE);

  private Views() {}

  /**
   * Renders a template to a string.
   *
   * @param template the template's path under {@code src/main/jte}, without {@code .jte}
   * @param params the template's parameters by name; a null value leaves the parameter at its
   *     default
   */
  static String render(String template, Map<String, Object> params) {
    Map<String, Object> given = new HashMap<>();
    params.forEach(
        (k, v) -> {
          if (v != null) {
            given.put(k, v);
          }
        });
    StringOutput out = new StringOutput(8192);
    ENGINE.render(template + ".jte", given, new SiteOutput(out));
    return out.toString();
  }

  /**
   * Renders a page into the response: the frame from the request, then the page's own parameters,
   * given as name/value pairs.
   */
  static void page(Context ctx, String template, Object... params) {
    if (params.length % 2 != 0) {
      throw new IllegalArgumentException("params: name/value pairs expected");
    }
    Map<String, Object> map = new HashMap<>();
    map.put("f", frame(ctx));
    for (int i = 0; i < params.length; i += 2) {
      map.put((String) params[i], params[i + 1]);
    }
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(render(template, map));
    ctx.attribute(RENDERED, Boolean.TRUE);
  }

  /**
   * The request attribute that says a page was rendered into the response, so the site's 404
   * handler keeps it (a page that says what is missing) instead of the generic "no page here".
   */
  static final String RENDERED = "poltwt.rendered";

  /** What the layout needs from the request: the words, the navigation, the CSRF token. */
  static Frame frame(Context ctx) {
    Site site = Site.of(ctx);
    String path = ctx.path();
    List<Frame.NavItem> nav =
        site.navigation().stream()
            .map(
                item ->
                    new Frame.NavItem(
                        item.href(),
                        item.label(),
                        item.href().equals("/") ? path.equals("/") : path.startsWith(item.href())))
            .toList();
    String csrf = ctx.attribute("csrf");
    Locale locale = locale(ctx);
    String current = Languages.of(locale).code();
    List<Frame.LanguageLink> languages =
        Languages.all().stream()
            .map(
                l ->
                    new Frame.LanguageLink(
                        l.code(), l.name(), inLanguage(ctx, l.code()), l.code().equals(current)))
            .toList();
    return new Frame(Messages.of(locale), nav, Objects.requireNonNullElse(csrf, ""), languages);
  }

  /** The query parameter that chooses a language, and the cookie that remembers the choice. */
  static final String LANG = "lang";

  /** The request attribute that holds the language {@link Site} chose before the routes ran. */
  private static final String LOCALE = "poltwt.locale";

  /**
   * The request's language: the one place that decides it, for the pages and for whatever the site
   * stores with what the visitor sends (see {@link Languages#choose} for the order).
   */
  static Locale locale(Context ctx) {
    Locale chosen = ctx.attribute(LOCALE);
    if (chosen == null) {
      // Not yet chosen (Site.secure does it first), or a request that failed before it did.
      chosen =
          Languages.choose(ctx.queryParam(LANG), ctx.cookie(LANG), ctx.header("Accept-Language"));
      ctx.attribute(LOCALE, chosen);
    }
    return chosen;
  }

  /** The messages for a request, in its language. */
  static Messages messages(Context ctx) {
    return Messages.of(locale(ctx));
  }

  /**
   * The page being shown with {@code ?lang=code}, its other query parameters kept (the home page's
   * zone), so that switching the language does not lose what the visitor was looking at.
   */
  private static String inLanguage(Context ctx, String code) {
    StringBuilder href = new StringBuilder(ctx.path()).append('?');
    ctx.queryParamMap()
        .forEach(
            (name, values) -> {
              if (!name.equals(LANG)) {
                for (String v : values) {
                  href.append(encode(name)).append('=').append(encode(v)).append('&');
                }
              }
            });
    return href.append(LANG).append('=').append(code).toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
