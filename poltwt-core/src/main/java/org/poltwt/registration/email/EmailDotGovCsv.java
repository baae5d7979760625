package org.poltwt.registration.email;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.poltwt.InvalidInputException;

/**
 * Reads the CISA dotgov CSV ({@code current-full.csv}, {@code current-federal.csv} of
 * cisagov/dotgov-data): RFC 4180 records (quoted fields with doubled quotes, line breaks inside
 * quotes, CRLF or LF), a header row that must name a {@code Domain name} column and may name a
 * {@code Security contact email} column. Blank cells and {@code (blank)} are skipped.
 *
 * <p>Failures are {@link InvalidInputException}s with code {@code registry.invalid}, field {@code
 * csv}, and a reason that gives the line number; no cell content is ever repeated in them.
 */
final class EmailDotGovCsv {
  static final String CODE = "registry.invalid";
  static final String FIELD = "csv";

  private static final String DOMAIN_COLUMN = "domain name";
  private static final String CONTACT_COLUMN = "security contact email";

  /** Receives the rows' values. */
  interface Sink {
    /**
     * A registered domain, already validated and normalised.
     *
     * @param domain lower-case ASCII
     */
    void domain(String domain);

    /**
     * A security contact address, as written; may be anything.
     *
     * @param address the cell
     */
    void contact(String address);
  }

  private final PushbackReader in;
  private int line = 1;

  private EmailDotGovCsv(Reader reader) {
    this.in =
        new PushbackReader(
            reader instanceof BufferedReader ? reader : new BufferedReader(reader, 16384), 1);
  }

  /**
   * Reads the whole CSV. Does not close the reader.
   *
   * @param reader the CSV
   * @param sink receives the domains and contacts
   * @throws InvalidInputException for a malformed file
   * @throws UncheckedIOException if the reader fails
   */
  static void read(Reader reader, Sink sink) {
    try {
      new EmailDotGovCsv(reader).readAll(sink);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read the dotgov CSV", e);
    }
  }

  private void readAll(Sink sink) throws IOException {
    int c = in.read();
    if (c != '\uFEFF' && c >= 0) {
      in.unread(c);
    }
    int headerLine = line;
    List<String> header = next();
    if (header == null) {
      throw fail(headerLine, "the file is empty; expected a header row");
    }
    int domainColumn = -1;
    int contactColumn = -1;
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (name.equals(DOMAIN_COLUMN)) {
        domainColumn = i;
      } else if (name.equals(CONTACT_COLUMN)) {
        contactColumn = i;
      }
    }
    if (domainColumn < 0) {
      throw fail(headerLine, "the header has no 'Domain name' column");
    }
    while (true) {
      int recordLine = line;
      List<String> record = next();
      if (record == null) {
        return;
      }
      if (record.size() == 1 && record.get(0).isEmpty()) {
        continue; // an empty line
      }
      if (record.size() != header.size()) {
        throw fail(
            recordLine,
            "expected " + header.size() + " fields as in the header but found " + record.size());
      }
      String domain = record.get(domainColumn).strip();
      if (!isBlank(domain)) {
        EmailSyntax.Parsed parsed = EmailSyntax.parseDomain(domain, 2);
        if (parsed.failed()) {
          throw fail(recordLine, "'Domain name' is not a valid domain: " + parsed.reason);
        }
        sink.domain(parsed.domain);
      }
      if (contactColumn >= 0) {
        String contact = record.get(contactColumn).strip();
        if (!isBlank(contact)) {
          sink.contact(contact);
        }
      }
    }
  }

  private static boolean isBlank(String cell) {
    return cell.isEmpty() || cell.equalsIgnoreCase("(blank)");
  }

  /** Reads one record, or returns null at the end of input. */
  private List<String> next() throws IOException {
    int c = in.read();
    if (c < 0) {
      return null;
    }
    in.unread(c);
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    while (true) {
      c = in.read();
      if (c == '"') {
        if (field.length() > 0) {
          throw fail(line, "a quote inside an unquoted field");
        }
        readQuoted(field);
        c = in.read();
        if (c != ',' && c != '\r' && c != '\n' && c >= 0) {
          throw fail(line, "text after the closing quote of a field");
        }
      }
      if (c == ',') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c == '\r' || c == '\n' || c < 0) {
        if (c == '\r') {
          int n = in.read();
          if (n != '\n' && n >= 0) {
            in.unread(n);
          }
        }
        if (c >= 0) {
          line++;
        }
        fields.add(field.toString());
        return fields;
      } else {
        field.append((char) c);
      }
    }
  }

  private void readQuoted(StringBuilder field) throws IOException {
    int start = line;
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw fail(start, "a quoted field is not closed");
      }
      if (c == '"') {
        int n = in.read();
        if (n == '"') {
          field.append('"');
          continue;
        }
        if (n >= 0) {
          in.unread(n);
        }
        return;
      }
      if (c == '\n') {
        line++;
      } else if (c == '\r') {
        int n = in.read();
        if (n != '\n' && n >= 0) {
          in.unread(n);
        }
        line++;
        c = '\n';
      }
      field.append((char) c);
    }
  }

  private static InvalidInputException fail(int line, String reason) {
    return new InvalidInputException(CODE, FIELD, "line " + line + ": " + reason);
  }
}
