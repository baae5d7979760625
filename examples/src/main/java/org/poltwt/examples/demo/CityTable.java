package org.poltwt.examples.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.poltwt.registration.Coordinates;

/**
 * The places behind {@link Gazetteer}: the bundled GeoNames extract ({@code cities.tsv.gz}, see
 * {@code CITIES-NOTICE.txt}), the project's aliases and region names, and the demo cities. Columns
 * are kept in parallel primitive arrays rather than one object per place, so that sixty thousand
 * places cost a few megabytes of heap.
 */
final class CityTable {
  private static final String CITIES = "cities.tsv.gz";
  private static final String ALIASES = "gazetteer-aliases.tsv";
  private static final String REGIONS = "gazetteer-regions.tsv";

  /** Points are stored in units of 1e-4 degree, the precision the extract was rounded to. */
  private static final double SCALE = 1e4;

  private int size;
  private int[] latitudes = new int[65_536];
  private int[] longitudes = new int[65_536];
  private int[] populations = new int[65_536];
  private String[] admins = new String[65_536];

  /** Folded name and country ({@code "saint paul|US"}) to the rows of that name. */
  private final Map<String, int[]> byName = new HashMap<>(131_072);

  /** Country and folded region name ({@code "US|oregon"}) to its admin code ({@code "OR"}). */
  private final Map<String, String> regionCodes = new HashMap<>();

  private CityTable() {}

  /**
   * Reads the bundled tables.
   *
   * @return the table
   * @throws IllegalStateException if a table is missing or an alias names no place
   */
  static CityTable load() {
    CityTable t = new CityTable();
    Map<String, String> admins = new HashMap<>();
    readLines(
        CITIES,
        true,
        f ->
            t.add(
                f[0],
                f[1],
                admins.computeIfAbsent(f[2], a -> a),
                Integer.parseInt(f[3]),
                Double.parseDouble(f[4]),
                Double.parseDouble(f[5])));
    readLines(ALIASES, false, f -> t.alias(f[0], f[1], f[2]));
    readLines(
        REGIONS,
        false,
        f -> {
          for (String name : f[2].split("\\|")) {
            t.regionCodes.put(f[0] + "|" + fold(name), f[1]);
          }
        });
    // The demo data's cities must be placeable even where the extract lacks them (small islands).
    for (Place p : Place.ALL) {
      if (!t.byName.containsKey(key(p.city(), p.country()))) {
        t.add(p.city(), p.country(), "", 0, p.latitude(), p.longitude());
      }
    }
    return t;
  }

  /**
   * How many places the table holds.
   *
   * @return the number of rows, aliases not counted
   */
  int size() {
    return size;
  }

  /**
   * Finds a city. Among namesakes in the country, those in the given region win, then the most
   * populous; a city written {@code "Portland, OR"} is read as city and region when the whole text
   * names no place.
   *
   * @param city the city as written
   * @param region the region as written, possibly empty
   * @param country the ISO country code, in any case
   * @return the city's point, or empty if the table does not know it
   */
  Optional<Coordinates> find(String city, String region, String country) {
    String cc = country.strip().toUpperCase(Locale.ROOT);
    int[] rows = byName.get(key(city, cc));
    String hint = region;
    int comma = city.indexOf(',');
    if (rows == null && comma > 0) {
      rows = byName.get(key(city.substring(0, comma), cc));
      if (hint.isBlank()) {
        hint = city.substring(comma + 1);
      }
    }
    if (rows == null) {
      return Optional.empty();
    }
    int best = pick(rows, regionCode(hint, cc));
    return Optional.of(new Coordinates(latitudes[best] / SCALE, longitudes[best] / SCALE));
  }

  private int pick(int[] rows, String regionCode) {
    int best = -1;
    boolean bestInRegion = false;
    for (int r : rows) {
      boolean inRegion = regionCode != null && regionCode.equalsIgnoreCase(admins[r]);
      if (best < 0
          || (inRegion && !bestInRegion)
          || (inRegion == bestInRegion && populations[r] > populations[best])) {
        best = r;
        bestInRegion = inRegion;
      }
    }
    return best;
  }

  /** The admin code a region names, by its name or as the code itself; null when blank. */
  private String regionCode(String region, String country) {
    String folded = fold(region);
    if (folded.isEmpty()) {
      return null;
    }
    return regionCodes.getOrDefault(country + "|" + folded, folded);
  }

  private void add(
      String name, String country, String admin, int population, double lat, double lon) {
    if (size == latitudes.length) {
      int n = size * 2;
      latitudes = Arrays.copyOf(latitudes, n);
      longitudes = Arrays.copyOf(longitudes, n);
      populations = Arrays.copyOf(populations, n);
      admins = Arrays.copyOf(admins, n);
    }
    latitudes[size] = (int) Math.round(lat * SCALE);
    longitudes[size] = (int) Math.round(lon * SCALE);
    populations[size] = population;
    admins[size] = admin;
    byName.merge(key(name, country), new int[] {size}, CityTable::concat);
    size++;
  }

  private void alias(String country, String alias, String name) {
    int[] rows = byName.get(key(name, country));
    if (rows == null) {
      throw new IllegalStateException(
          ALIASES + ": no place " + name + " in " + country + " for the alias " + alias);
    }
    byName.merge(key(alias, country), rows, CityTable::concat);
  }

  private static int[] concat(int[] a, int[] b) {
    int[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  private static String key(String name, String country) {
    return fold(name) + "|" + country;
  }

  /**
   * Folds a name to what people mean by it: case, accents, punctuation and spacing ignored, the
   * letters that carry no accent to strip spelled out ({@code ß}, {@code ø}, {@code æ}, ...), and
   * the usual short forms equal to their long ones ({@code St.}, {@code Saint}, {@code Sankt};
   * {@code Mt.}, {@code Mount}; {@code Ft.}, {@code Fort}).
   *
   * @param name any text
   * @return the folded words separated by single spaces; empty if there are none
   */
  static String fold(String name) {
    // Most names are plain ASCII, which NFKD leaves as it is: skipping it halves the loading time.
    String d = isAscii(name) ? name : Normalizer.normalize(name, Normalizer.Form.NFKD);
    StringBuilder b = new StringBuilder(d.length());
    for (int i = 0; i < d.length(); ) {
      int cp = d.codePointAt(i);
      i += Character.charCount(cp);
      int type = Character.getType(cp);
      if (type == Character.NON_SPACING_MARK
          || type == Character.COMBINING_SPACING_MARK
          || type == Character.ENCLOSING_MARK) {
        continue;
      }
      int c = Character.toLowerCase(cp);
      switch (c) {
        case '\'', '\u2018', '\u2019', '\u02bb', '\u02bc', '`', '\u00b4' -> {
          // "Nuku'alofa" and "Nuku‘alofa" are one name: apostrophes join, they do not split.
        }
        case '\u00df' -> b.append("ss");
        case '\u00f8' -> b.append('o');
        case '\u00e6' -> b.append("ae");
        case '\u0153' -> b.append("oe");
        case '\u0142' -> b.append('l');
        case '\u0111', '\u00f0' -> b.append('d');
        case '\u00fe' -> b.append("th");
        case '\u0131' -> b.append('i');
        default -> {
          if (Character.isLetterOrDigit(c)) {
            b.appendCodePoint(c);
          } else {
            b.append(' ');
          }
        }
      }
    }
    StringBuilder out = new StringBuilder(b.length());
    for (String word : b.toString().split(" ")) {
      if (word.isEmpty()) {
        continue;
      }
      if (out.length() > 0) {
        out.append(' ');
      }
      out.append(
          switch (word) {
            case "st", "ste", "saint", "sainte", "sankt" -> "st";
            case "mt", "mount" -> "mt";
            case "ft", "fort" -> "ft";
            default -> word;
          });
    }
    return out.toString();
  }

  private static boolean isAscii(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) >= 0x80) {
        return false;
      }
    }
    return true;
  }

  private static void readLines(String resource, boolean gzipped, Consumer<String[]> row) {
    try (InputStream raw = CityTable.class.getResourceAsStream(resource)) {
      if (raw == null) {
        throw new IllegalStateException(resource + " is missing from the class path");
      }
      InputStream in = gzipped ? new GZIPInputStream(raw, 65_536) : raw;
      BufferedReader r =
          new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 65_536);
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        row.accept(line.split("\t", -1));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
