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
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.examples.site.view.FormState;
import org.poltwt.examples.site.view.Msg;
import org.poltwt.examples.site.view.Option;
import org.poltwt.registration.Registration;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.RegistrationQuery;
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

  /**
   * Per instance, and fine so with several: a cache of figures computed from a file of this
   * instance's data directory, keyed by the file's state and the edition, which any instance would
   * compute alike; no request needs another instance's copy.
   */
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
        files
            .map(p -> p.getFileName().toString())
            .filter(n -> FILE.matcher(n).matches())
            .sorted()
            .forEach(names::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return names;
  }

  private void page(Context ctx) {
    Edition e =
        site.currentEdition().orElseThrow(() -> new Site.SiteError(404, Msg.of("error.noEdition")));
    List<String> files = files();
    String chosen = ctx.queryParam("file");
    if (chosen == null && !files.isEmpty()) {
      chosen = files.get(0);
    }
    String folder = folder().toAbsolutePath().normalize().toString();
    if (files.isEmpty()) {
      Views.page(ctx, "organiser/wrapup", "edition", e.number(), "folder", folder);
      return;
    }
    List<Option> options = new ArrayList<>();
    for (String f : files) {
      options.add(Option.text(f, f));
    }
    if (chosen == null || !files.contains(chosen)) {
      throw new Site.SiteError(404, Msg.of("error.noTweetsFile"));
    }
    WrapUp w = wrapUp(e, chosen);
    Views.page(
        ctx,
        "organiser/wrapup",
        "edition",
        e.number(),
        "folder",
        folder,
        "s",
        new FormState("wrapup", Map.of("file", chosen), Map.of()),
        "files",
        options,
        "registered",
        w.totals().registeredAccounts(),
        "report",
        WrapUpReport.of(w, Views.messages(ctx).locale()));
  }

  private WrapUp wrapUp(Edition e, String name) {
    Path file = folder().resolve(name);
    String key;
    try {
      key =
          name
              + "|"
              + Files.getLastModifiedTime(file).toMillis()
              + "|"
              + Files.size(file)
              + "|"
              + e.hashCode();
    } catch (IOException ex) {
      throw new Site.SiteError(404, Msg.of("error.noTweetsFile"));
    }
    return cache.computeIfAbsent(
        key,
        k -> {
          List<Registration> regs = site.stores.allRegistrations(RegistrationQuery.of(e.number()));
          ComplianceChecker checker =
              ComplianceChecker.builder()
                  .edition(e)
                  .registrations(site.stores.registrations())
                  .build();
          WrapUp.Accumulator acc = WrapUp.accumulator(e, regs);
          try (InputStream in = Files.newInputStream(file);
              TweetReader reader =
                  TweetReader.builder().onMalformed(TweetReader.Malformed.SKIP).build(in)) {
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
