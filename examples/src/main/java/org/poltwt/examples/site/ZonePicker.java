package org.poltwt.examples.site;

import com.ibm.icu.text.TimeZoneNames;
import com.ibm.icu.util.TimeZone;
import com.ibm.icu.util.TimeZone.SystemTimeZoneType;
import com.ibm.icu.util.ULocale;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
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

  private ZonePicker() {}

  /**
   * The groups, with each zone's offset when the edition starts there.
   *
   * @param date the edition's date, or today when it has none
   * @param localStart the local time the edition starts at in every zone
   * @return one group per country, then UTC
   */
  static List<OptionGroup> groups(LocalDate date, LocalTime localStart) {
    LocalDateTime start = LocalDateTime.of(date, localStart);
    List<OptionGroup> out = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : BY_COUNTRY.entrySet()) {
      List<Option> options = new ArrayList<>();
      for (String id : e.getValue()) {
        options.add(option(id, start));
      }
      out.add(new OptionGroup(e.getKey(), options));
    }
    out.add(new OptionGroup(UTC, List.of(option(UTC, start))));
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

  private static Option option(String id, LocalDateTime start) {
    ZoneId zone = ZoneId.of(id);
    ZoneOffset offset = zone.getRules().getOffset(start.atZone(zone).toInstant());
    String hours = offset.equals(ZoneOffset.UTC) ? "+00:00" : offset.getId();
    return Option.text(id, city(id) + " (UTC" + hours + ")");
  }

  /**
   * The city a zone is named after, as CLDR spells it in English ({@code America/St_Johns} is "St.
   * John’s"); from the id when CLDR has no name ({@code America/Indiana/Knox} is "Knox, Indiana").
   */
  static String city(String id) {
    String canonical = TimeZone.getCanonicalID(id);
    String name = canonical == null ? null : NAMES.getExemplarLocationName(canonical);
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
