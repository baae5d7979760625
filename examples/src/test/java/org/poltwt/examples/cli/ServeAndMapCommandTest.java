package org.poltwt.examples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.examples.PoltwtCli;

class ServeAndMapCommandTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-03-02T09:00:00Z"), ZoneOffset.UTC);

  @TempDir Path dir;
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(Map<String, String> env, String... args) {
    return PoltwtCli.run(CLOCK, env, new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void serveSmokeStartsTheSiteOnEmbeddedH2HitsEachPageAndStops() {
    int status =
        run(
            Map.of("POLTWT_ORGANISER_PASSWORD", "smoke-test-password"),
            "serve",
            "--smoke",
            "--port",
            "0",
            "--data-dir",
            dir.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .containsPattern("Demo data: edition \\d+ on 2026-04-03 with \\d{3} registrations")
        .contains("embedded H2 in " + dir.resolve("db").toAbsolutePath())
        .containsPattern("/signup\\s+200 OK")
        .containsPattern("/map/participants.geojson\\s+200 OK")
        .contains("Smoke test passed")
        .doesNotContain("smoke-test-password")
        .doesNotContain("Organisers' password for this run");
    assertThat(dir.resolve("db").resolve("poltwt.mv.db")).exists();

    StringWriter again = new StringWriter();
    assertThat(
            PoltwtCli.run(
                CLOCK,
                Map.of(),
                new PrintWriter(again),
                new PrintWriter(err),
                "serve",
                "--smoke",
                "--port",
                "0",
                "--data-dir",
                dir.toString()))
        .isZero();
    assertThat(again.toString())
        .as("the demo data is loaded once")
        .doesNotContain("Demo data:")
        // The first start made the account admin from the password given then; a password made
        // up now would open nothing, so none is printed.
        .doesNotContain("Organisers' password for this run")
        .contains("Organiser accounts: as stored in the database");
  }

  @Test
  void underCiServeChecksTheSiteAndStopsOnAnyFreePort() {
    int status =
        run(
            Map.of("CI", "true", "POLTWT_ORGANISER_PASSWORD", "smoke-test-password"),
            "serve",
            "--db",
            "memory",
            "--data-dir",
            dir.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString())
        .startsWith("CI=true: starting the site")
        .contains("Smoke test passed")
        .doesNotContain("localhost:8080");
  }

  @Test
  void serveRefusesBadSettingsWithExitCode2() {
    assertThat(run(Map.of(), "serve", "--smoke", "--db", "mysql://nope")).isEqualTo(2);
    assertThat(err.toString()).contains("database: must be h2, memory or a jdbc: URL");
    assertThat(run(Map.of("POLTWT_PORT", "eighty"), "serve", "--smoke")).isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_PORT: must be a whole number");
    assertThat(run(Map.of(), "serve", "--port", "-5")).isEqualTo(2);
  }

  @Test
  void serveRefusesABadTrustedProxyNamingTheSettingAndTheEntry() {
    assertThat(run(Map.of("POLTWT_TRUSTED_PROXIES", "10.0.0.0/8, 10.0.0.1/33"), "serve", "--smoke"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_TRUSTED_PROXIES: \"10.0.0.1/33\"");
    assertThat(run(Map.of(), "serve", "--smoke", "--trusted-proxies", "proxy.example"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("POLTWT_TRUSTED_PROXIES: \"proxy.example\"");
  }

  @Test
  void serveSaysWhenItCannotStartWithExitCode3() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int status =
          run(
              Map.of(),
              "serve",
              "--smoke",
              "--db",
              "memory",
              "--host",
              "127.0.0.1",
              "--port",
              Integer.toString(taken.getLocalPort()),
              "--data-dir",
              dir.toString());

      assertThat(status).isEqualTo(3);
      assertThat(err.toString()).contains("the site could not start");
    }
  }

  @Test
  void mapWritesTheDemoEditionAsGeoJsonWithoutEmails() {
    int status = run(Map.of(), "map");

    assertThat(status).isZero();
    assertThat(out.toString())
        .startsWith("{\"type\":\"FeatureCollection\",\"features\":[")
        .contains("\"agency\":\"Metropolitan Police Service\"")
        .doesNotContain("@");
    assertThat(out.toString().split("\"type\":\"Feature\"", -1).length - 1).isGreaterThan(100);
  }

  @Test
  void mapWritesKmlToAFile() throws IOException {
    Path file = dir.resolve("map.kml");
    int status = run(Map.of(), "map", "--format", "kml", "--seed", "9", "-o", file.toString());

    assertThat(status).isZero();
    assertThat(Files.readString(file))
        .startsWith("<?xml")
        .contains("<kml xmlns=\"http://www.opengis.net/kml/2.2\">")
        .contains("<Placemark>");
    assertThat(err.toString()).containsPattern("\\d+ participants on the map of edition \\d+");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  void mapReadsTheSitesDatabase() {
    assertThat(
            run(
                Map.of("POLTWT_ORGANISER_PASSWORD", "smoke-test-password"),
                "serve",
                "--smoke",
                "--port",
                "0",
                "--data-dir",
                dir.toString()))
        .isZero();
    out.getBuffer().setLength(0);

    int status = run(Map.of(), "map", "--db", "h2", "--data-dir", dir.toString());

    assertThat(status).as(err.toString()).isZero();
    assertThat(out.toString()).contains("\"type\":\"FeatureCollection\"").contains("\"handle\":");
  }

  @Test
  void mapExitCodesForBadInput() {
    assertThat(run(Map.of(), "map", "--format", "svg")).isEqualTo(2);
    assertThat(
            run(
                Map.of(),
                "map",
                "--db",
                "h2",
                "--data-dir",
                dir.resolve("empty").toString(),
                "--edition",
                "4"))
        .isEqualTo(3);
    assertThat(err.toString()).contains("no such edition");
    assertThat(run(Map.of(), "map", "-o", dir.resolve("missing/dir/map.json").toString()))
        .isEqualTo(4);
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"windows", "serve", "map"}) {
      out.getBuffer().setLength(0);
      assertThat(run(Map.of(), command, "--help")).isZero();
      assertThat(out.toString()).contains("Usage: poltwt " + command);
    }
    out.getBuffer().setLength(0);
    assertThat(run(Map.of(), "--help")).isZero();
    assertThat(out.toString()).contains("windows").contains("serve").contains("map");
    assertThat(run(Map.of(), "no-such-command")).isEqualTo(2);
  }
}
