package org.poltwt.examples.site;

import io.javalin.http.Context;
import java.util.List;
import java.util.Map;

/** The frame every page shares: head, skip link, navigation, main landmark, footer. */
final class Layout {
  static final String LEAFLET = "/webjars/leaflet/1.9.4/dist/";

  private Layout() {}

  /** Renders a page into the response. */
  static void render(Context ctx, String title, Html main, String... scripts) {
    render(ctx, title, main, List.of(), scripts);
  }

  static void render(Context ctx, String title, Html main, List<String> styles, String... scripts) {
    Site site = Site.of(ctx);
    Html h = Html.of()
        .open("html", "lang", "en").nl()
        .open("head").nl()
        .open("meta", "charset", "utf-8").nl()
        .open("meta", "name", "viewport", "content", "width=device-width, initial-scale=1").nl()
        .tag("title", title + " \u00b7 #PolTwt").nl()
        .open("link", "rel", "stylesheet", "href", "/assets/site.css").nl();
    for (String style : styles) {
      h.open("link", "rel", "stylesheet", "href", style).nl();
    }
    h.close("head").nl()
        .open("body").nl()
        .tag("a", "Skip to content", "class", "skip", "href", "#main").nl()
        .open("header", "class", "site").nl()
        .open("div", "class", "brand").tag("a", "#PolTwt", "href", "/")
        .tag("span", " Global Police Tweet-a-thon", "class", "tagline").close("div").nl()
        .open("nav", "aria-label", "Main").open("ul");
    String path = ctx.path();
    for (Map.Entry<String, String> item : site.navigation()) {
      boolean current = item.getKey().equals("/") ? path.equals("/") : path.startsWith(item.getKey());
      h.open("li").tag("a", item.getValue(), "href", item.getKey(), "aria-current", current ? "page" : null)
          .close("li");
    }
    h.close("ul").close("nav").nl().close("header").nl()
        .open("main", "id", "main", "tabindex", "-1").nl()
        .add(main).nl()
        .close("main").nl()
        .open("footer", "class", "site")
        .tag("p", "#PolTwt: police agencies and officers worldwide tweet about their work for 24 hours, each in "
            + "their own time zone. This demo site runs on the poltwt library; no data leaves this machine.")
        .close("footer").nl();
    for (String script : scripts) {
      h.open("script", "src", script, "defer", "").close("script").nl();
    }
    h.close("body").nl().close("html").nl();
    ctx.contentType("text/html; charset=utf-8");
    ctx.result("<!DOCTYPE html>\n" + h);
  }

  /** The hidden CSRF field every POST form carries. */
  static Html csrf(Context ctx) {
    return Html.of().open("input", "type", "hidden", "name", Guards.CSRF_FIELD, "value", ctx.attribute("csrf"));
  }

  /** A POST form with its CSRF field; the content goes inside. */
  static Html postForm(Context ctx, String action, Html content, String... attributes) {
    String[] attrs = new String[attributes.length + 6];
    attrs[0] = "method";
    attrs[1] = "post";
    attrs[2] = "action";
    attrs[3] = action;
    attrs[4] = "accept-charset";
    attrs[5] = "utf-8";
    System.arraycopy(attributes, 0, attrs, 6, attributes.length);
    return Html.of().open("form", attrs).add(csrf(ctx)).add(content).close("form");
  }

  /** A single-button POST form, for actions such as approve or reject. */
  static Html button(Context ctx, String action, String label, String... extraFields) {
    Html fields = Html.of();
    for (int i = 0; i + 1 < extraFields.length; i += 2) {
      fields.open("input", "type", "hidden", "name", extraFields[i], "value", extraFields[i + 1]);
    }
    return postForm(ctx, action, fields.tag("button", label, "type", "submit"), "class", "inline");
  }

  /** A notice box; role status so screen readers announce it. */
  static Html notice(String kind, Html content) {
    return Html.of().tag("div", content, "class", "notice " + kind, "role", "status");
  }
}
