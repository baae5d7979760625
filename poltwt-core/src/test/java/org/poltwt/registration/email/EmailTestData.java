package org.poltwt.registration.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Test fixtures for the government-email policy: the CISA dotgov CSV bundled in the test resources
 * ({@code dotgov/README.txt} names its source), read independently of the code under test.
 */
final class EmailTestData {
  static final String DOTGOV_CSV = "dotgov/current-full.csv";

  private EmailTestData() {}

  /** Opens the dotgov CSV; the caller closes it. */
  static Reader dotGovCsv() {
    InputStream in = EmailTestData.class.getResourceAsStream(DOTGOV_CSV);
    if (in == null) {
      throw new IllegalStateException("missing test resource " + DOTGOV_CSV);
    }
    return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
  }

  /** The "Domain name" column: the first field, which is never quoted (domains have no commas). */
  static List<String> dotGovDomains() {
    List<String> domains = new ArrayList<>();
    for (String line : dataLines()) {
      domains.add(line.substring(0, line.indexOf(',')));
    }
    return domains;
  }

  /**
   * The domains of the "Security contact email" column (the last field; addresses have no commas),
   * lower-cased, blank cells left out.
   */
  static List<String> dotGovContactDomains() {
    List<String> domains = new ArrayList<>();
    for (String line : dataLines()) {
      String contact = line.substring(line.lastIndexOf(',') + 1).strip();
      int at = contact.lastIndexOf('@');
      if (at > 0) {
        domains.add(contact.substring(at + 1).toLowerCase(Locale.ROOT));
      }
    }
    return domains;
  }

  private static List<String> dataLines() {
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = (BufferedReader) dotGovCsv()) {
      reader.readLine(); // header
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(line);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }
}
