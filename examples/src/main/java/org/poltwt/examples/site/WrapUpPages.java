package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.poltwt.event.Edition;
import org.poltwt.registration.Registration;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetReader;

/**
 * The organisers' wrap-up: the tweets files imported into {@code tweets/} under the data directory
 * (the demo writes one; {@code poltwt harvest} or any X API export can be dropped there), and the
 * wrap-up of the one chosen, with its charts.
 */
final class WrapUpPages {
  private static final Pattern FILE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,100}\\.jsonl?");

  private final Site site;
  private final Map<String, WrapUp> cache = new ConcurrentHashMap<>();

  WrapUpPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/wrapup", this::page);
  }

  private Path folder() {
    return site.config.dataDir().resolve("tweets");
  }

  private List<String> files() {
    List<String> names = new ArrayList<>();
    if (Files.isDirectory(folder())) {
      try (Stream<Path> files = Files.list(folder())) {
        files.map(p -> p.getFileName().toString()).filter(n -> FILE.matcher(n).matches()).sorted().forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private void page(Context ctx) {
    Edition e = site.currentEdition().orElseThrow(() -> new Site.SiteError(404, "There is no edition yet."));
    List<String> files = files();
    String chosen = ctx.queryParam("file");
    if (chosen == null && !files.isEmpty()) {
      chosen = files.get(0);
    }
    Html main = Html.of().tag("h1", "Wrap-up of edition " + e.number()).add(OrganiserPages.nav(ctx));
    if (files.isEmpty()) {
      main.tag("p", "No tweets file yet: put an X API export (JSON Lines or response pages) into "
          + folder().toAbsolutePath().normalize() + ".");
      Layout.render(ctx, "Wrap-up", main);
      return;
    }
    List<Forms.Option> options = new ArrayList<>();
    for (String f : files) {
      options.add(new Forms.Option(f, f));
    }
    Forms.State s = new Forms.State("wrapup", Map.of("file", chosen == null ? "" : chosen), Map.of());
    main.open("form", "method", "get", "action", "/organiser/wrapup", "class", "inline-form")
        .add(Forms.select(s, "file", "Tweets file", "Files in " + folder().toAbsolutePath().normalize(), options,
            true))
        .tag("button", "Show the wrap-up", "type", "submit").close("form");
    if (chosen == null || !files.contains(chosen)) {
      throw new Site.SiteError(404, "There is no such tweets file.");
    }
    WrapUp w = wrapUp(e, chosen);
    main.tag("p", "Checked against the " + w.totals().registeredAccounts() + " verified registrations of edition "
        + e.number() + ".", "class", "hint");
    main.add(WrapUpReport.body(w, "h2"));
    Layout.render(ctx, "Wrap-up", main);
  }

  private WrapUp wrapUp(Edition e, String name) {
    Path file = folder().resolve(name);
    String key;
    try {
      key = name + "|" + Files.getLastModifiedTime(file).toMillis() + "|" + Files.size(file) + "|" + e.hashCode();
    } catch (IOException ex) {
      throw new Site.SiteError(404, "There is no such tweets file.");
    }
    return cache.computeIfAbsent(key, k -> {
      List<Registration> regs = new ArrayList<>();
      RegistrationQuery q = RegistrationQuery.of(e.number());
      for (int offset = 0; ; offset += 500) {
        List<Registration> page = site.stores.registrations().list(q, offset, 500);
        regs.addAll(page);
        if (page.size() < 500) {
          break;
        }
      }
      ComplianceChecker checker = ComplianceChecker.builder().edition(e).registrations(site.stores.registrations())
          .build();
      WrapUp.Accumulator acc = WrapUp.accumulator(e, regs);
      try (InputStream in = Files.newInputStream(file);
          TweetReader reader = TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).build(in)) {
        while (reader.hasNext()) {
          Tweet t = reader.next();
          acc.add(t, checker.check(t));
        }
      } catch (IOException ex) {
        throw new UncheckedIOException(ex);
      }
      return acc.result();
    });
  }
}
