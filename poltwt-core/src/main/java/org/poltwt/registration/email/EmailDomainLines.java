package org.poltwt.registration.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.poltwt.InvalidInputException;

/**
 * Reads simple line lists: one entry per line, {@code #} starts a comment (a whole line or the rest
 * of one), surrounding whitespace is ignored, blank lines are skipped. Also loads the lists bundled
 * beside this class.
 */
final class EmailDomainLines {
  private EmailDomainLines() {}

  /** Receives one entry with its 1-based line number. */
  @FunctionalInterface
  interface Sink {
    void accept(int line, String entry);
  }

  /**
   * Reads every entry of a list. Does not close the reader: it belongs to the caller.
   *
   * @param reader the list
   * @param code the failure code for a malformed line
   * @param field the field named in failures, for example {@code "allowList"}
   * @param sink receives each entry
   * @throws InvalidInputException if a line holds more than one entry
   * @throws UncheckedIOException if the reader fails
   */
  static void read(Reader reader, String code, String field, Sink sink) {
    BufferedReader lines =
        reader instanceof BufferedReader ? (BufferedReader) reader : new BufferedReader(reader);
    int number = 0;
    try {
      for (String line = lines.readLine(); line != null; line = lines.readLine()) {
        number++;
        if (number == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') {
          line = line.substring(1);
        }
        int hash = line.indexOf('#');
        String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (entry.isEmpty()) {
          continue;
        }
        for (int i = 0; i < entry.length(); i++) {
          if (Character.isWhitespace(entry.charAt(i))) {
            throw new InvalidInputException(
                code, field, "line " + number + ": one entry per line; found more than one");
          }
        }
        sink.accept(number, entry);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not read " + field, e);
    }
  }

  /**
   * Reads a list bundled beside this class.
   *
   * @param name the resource name, relative to this package
   * @param sink receives each entry
   * @throws IllegalStateException if the resource is missing or unreadable
   */
  static void readBundled(String name, Sink sink) {
    try (InputStream in = openBundled(name);
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      read(reader, "email-policy.invalid", name, sink);
    } catch (IOException | UncheckedIOException e) {
      throw new IllegalStateException("cannot read the bundled " + name, e);
    }
  }

  /**
   * Opens a resource bundled beside this class.
   *
   * @param name the resource name, relative to this package
   * @return the open stream; the caller closes it
   * @throws IllegalStateException if the resource is missing
   */
  static InputStream openBundled(String name) {
    InputStream in = EmailDomainLines.class.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("the bundled resource " + name + " is missing from the jar");
    }
    return in;
  }
}
