package org.poltwt.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.email.Verdict;

/**
 * One city of the bundled table: where a demo agency is, its email domain, and what {@link
 * org.poltwt.registration.email.GovernmentEmailPolicy#defaults()} says of that domain. The verdict
 * is recorded rather than asked for, so that the demo data (and {@code poltwt check}, which reads
 * it) need not parse the Public Suffix List at start-up; {@code DemoDataTest} checks each one
 * against the policy.
 */
record Place(
    String city,
    String country,
    ZoneId zone,
    double latitude,
    double longitude,
    String language,
    String agency,
    String domain,
    AgencyLevel level,
    Verdict emailVerdict) {

  static final List<Place> ALL = load();

  private static List<Place> load() {
    List<Place> places = new ArrayList<>();
    try (InputStream in = Place.class.getResourceAsStream("places.tsv")) {
      if (in == null) {
        throw new IllegalStateException("places.tsv is missing from the class path");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] f = line.split("\t");
        places.add(
            new Place(
                f[0],
                f[1],
                ZoneId.of(f[2]),
                Double.parseDouble(f[3]),
                Double.parseDouble(f[4]),
                f[5],
                f[6],
                f[7],
                AgencyLevel.valueOf(f[8]),
                Verdict.valueOf(f[9])));
        if (places.get(places.size() - 1).emailVerdict() == Verdict.REJECTED) {
          throw new IllegalStateException("places.tsv: the policy rejects the demo domain " + f[7]);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(places);
  }
}
