package org.poltwt.examples.site;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.TimeZone.SystemTimeZoneType;
import com.ibm.icu.util.ULocale;
import java.text.Collator;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.poltwt.examples.site.view.Option;
import org.poltwt.examples.site.view.OptionGroup;

/**
 * The time-zone picker's list: the current zones of each country (CLDR's canonical location zones,
 * by their current IANA ids, so no {@code Asia/Calcutta} and no {@code Z}), grouped by country,
 * each labelled with its city and its UTC offset at the edition's local start on the edition's
 * date.
 */
final class ZonePicker {
  /** The zone for no country: people who keep UTC. */
  static final String UTC = "UTC";

  /** Cities' names in English (CLDR's exemplar cities: "St. John’s", "Knox, Indiana"). */
  private static final TimeZoneNames NAMES = TimeZoneNames.getInstance(ULocale.ENGLISH);

  /** Country name to its zones' ids, in the order shown: countries by name, zones by city. */
  private static final Map<String, List<String>> BY_COUNTRY = byCountry();

  /**
   * The list in each visitor's language: countries and cities named and sorted for it. Built once
   * per locale; the offsets, which depend on the edition's date, are added per request.
   */
  private static final Map<Locale, List<Named>> BY_LOCALE = new ConcurrentHashMap<>();

  /** A country's group in one language: its name, and its zones with their cities' names. */
  private record Named(String country, List<Map.Entry<String, String>> zones) {}

  private ZonePicker() {}

  /**
   * The groups, with each zone's offset when the edition starts there.
   *
   * @param date the edition's date, or today when it has none
   * @param localStart the local time the edition starts at in every zone
   * @return one group per country, then UTC
   */
  static List<OptionGroup> groups(LocalDate date, LocalTime localStart) {
    return groups(date, localStart, Locale.ENGLISH);
  }

  /**
   * The groups in a visitor's language: countries and cities as CLDR names them in it (ICU's data,
   * already here for the zones), sorted for its readers. The values stay the IANA ids.
   *
   * @param date the edition's date, or today when it has none
   * @param localStart the local time the edition starts at in every zone
   * @param locale the visitor's language
   * @return one group per country, then UTC
   */
  static List<OptionGroup> groups(LocalDate date, LocalTime localStart, Locale locale) {
    LocalDateTime start = LocalDateTime.of(date, localStart);
    List<OptionGroup> out = new ArrayList<>();
    for (Named country : BY_LOCALE.computeIfAbsent(locale, ZonePicker::named)) {
      List<Option> options = new ArrayList<>();
      for (Map.Entry<String, String> zone : country.zones()) {
        options.add(option(zone.getKey(), zone.getValue(), start));
      }
      out.add(new OptionGroup(country.country(), options));
    }
    out.add(new OptionGroup(UTC, List.of(option(UTC, UTC, start))));
    return List.copyOf(out);
  }

  private static List<Named> named(Locale locale) {
    if (locale.getLanguage().equals("en")) {
      // English is the list as built, so its order and names stay exactly what they were.
      List<Named> out = new ArrayList<>();
      BY_COUNTRY.forEach(
          (country, ids) ->
              out.add(
                  new Named(country, ids.stream().map(id -> Map.entry(id, city(id))).toList())));
      return List.copyOf(out);
    }
    TimeZoneNames names = TimeZoneNames.getInstance(ULocale.forLocale(locale));
    Collator order = Collator.getInstance(locale);
    Map<String, List<Map.Entry<String, String>>> byName = new TreeMap<>(order::compare);
    for (String code : Locale.getISOCountries()) {
      List<String> ids = BY_COUNTRY.get(countryName(code));
      if (ids == null) {
        continue;
      }
      String country = new Locale("", code).getDisplayCountry(locale);
      List<Map.Entry<String, String>> zones = new ArrayList<>();
      for (String id : ids) {
        zones.add(Map.entry(id, city(id, names)));
      }
      byName.merge(
          country.isEmpty() ? countryName(code) : country,
          zones,
          (a, b) -> {
            List<Map.Entry<String, String>> both = new ArrayList<>(a);
            both.addAll(b);
            return both;
          });
    }
    List<Named> out = new ArrayList<>();
    byName.forEach(
        (country, zones) -> {
          // Each id once, even when two codes share a name (and so the English list's zones).
          Map<String, String> unique = new LinkedHashMap<>();
          zones.forEach(z -> unique.putIfAbsent(z.getKey(), z.getValue()));
          List<Map.Entry<String, String>> sorted = new ArrayList<>(unique.entrySet());
          sorted.sort(Comparator.comparing(Map.Entry::getValue, order::compare));
          out.add(new Named(country, List.copyOf(sorted)));
        });
    return List.copyOf(out);
  }

  /**
   * The current id of a zone the list shows, for an id a browser or an old link may give: {@code
   * Asia/Calcutta} is {@code Asia/Kolkata}, {@code Etc/UTC} and {@code Z} are {@code UTC}.
   *
   * @param id a zone id, or null
   * @return the id as the list has it, or empty when the list does not have it
   */
  static Optional<String> listed(String id) {
    if (id == null || id.isBlank() || id.length() > 64) {
      return Optional.empty();
    }
    String s = id.strip();
    if (isListed(s)) {
      return Optional.of(s);
    }
    String canonical = TimeZone.getCanonicalID(s);
    if (canonical != null) {
      String iana = TimeZone.getIanaID(canonical);
      if (iana != null && isListed(iana)) {
        return Optional.of(iana);
      }
      if (TimeZone.getRegion(canonical).equals("001")) {
        try {
          if (ZoneId.of(s).getRules().isFixedOffset()
              && ZoneId.of(s).getRules().getOffset(Instant.EPOCH).equals(ZoneOffset.UTC)) {
            return Optional.of(UTC);
          }
        } catch (DateTimeException e) {
          return Optional.empty();
        }
      }
    }
    if (s.equals("Z")) {
      return Optional.of(UTC);
    }
    return Optional.empty();
  }

  /** The zone the list would pre-select for a country: its only zone, if it has just one. */
  static Optional<String> onlyZoneOf(String country) {
    if (country == null || country.length() != 2) {
      return Optional.empty();
    }
    List<String> zones = BY_COUNTRY.get(countryName(country.toUpperCase(Locale.ROOT)));
    return zones != null && zones.size() == 1 ? Optional.of(zones.get(0)) : Optional.empty();
  }

  private static boolean isListed(String id) {
    return id.equals(UTC) || BY_COUNTRY.values().stream().anyMatch(l -> l.contains(id));
  }

  private static Option option(String id, String city, LocalDateTime start) {
    ZoneId zone = ZoneId.of(id);
    ZoneOffset offset = zone.getRules().getOffset(start.atZone(zone).toInstant());
    String hours = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    return Option.text(id, city + " (UTC" + hours + ")");
  }

  /**
   * The city a zone is named after, as CLDR spells it in English ({@code America/St_Johns} is "St.
   * John’s"); from the id when CLDR has no name ({@code America/Indiana/Knox} is "Knox, Indiana").
   */
  static String city(String id) {
    return city(id, NAMES);
  }

  /** The city of a zone in the language of {@code names}; from the id when CLDR has none. */
  private static String city(String id, TimeZoneNames names) {
    String canonical = TimeZone.getCanonicalID(id);
    String name = canonical == null ? null : names.getExemplarLocationName(canonical);
    if (name != null && !name.isBlank()) {
      return name;
    }
    String[] parts = id.replace('_', ' ').split("/");
    if (parts.length == 1) {
      return parts[0];
    }
    if (parts.length == 3 && !parts[1].equals("Argentina")) {
      return parts[2] + ", " + parts[1];
    }
    return parts[parts.length - 1];
  }

  static String countryName(String code) {
    return new Locale("", code).getDisplayCountry(Locale.ENGLISH);
  }

  private static Map<String, List<String>> byCountry() {
    Set<String> known = ZoneId.getAvailableZoneIds();
    Map<String, List<String>> out = new TreeMap<>();
    for (String code : Locale.getISOCountries()) {
      List<String> zones = new ArrayList<>();
      for (String canonical :
          TimeZone.getAvailableIDs(SystemTimeZoneType.CANONICAL_LOCATION, code, null)) {
        String id = TimeZone.getIanaID(canonical);
        if (id != null && known.contains(id)) {
          zones.add(id);
        }
      }
      if (!zones.isEmpty()) {
        zones.sort(Comparator.comparing(ZonePicker::city));
        out.merge(
            countryName(code),
            zones,
            (a, b) -> {
              List<String> both = new ArrayList<>(a);
              both.addAll(b);
              return both;
            });
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return out;
  }
}
