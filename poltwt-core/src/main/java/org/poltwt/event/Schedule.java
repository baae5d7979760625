package org.poltwt.event;

import static java.util.Objects.requireNonNull;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The follow-the-sun schedule of one edition: each time zone's 24 hours, the global span from the
 * first zone to open to the last to close, the zones live at an instant, and countdowns.
 *
 * <p>A zone's window opens at the edition's {@linkplain Edition#localStart() local start time} on
 * its {@linkplain Edition#date() date} in that zone, and closes by the edition's {@link
 * WindowPolicy}. A start that falls in a daylight-saving gap opens at the first valid instant after
 * the gap (the transition itself); a start that falls in an overlap uses the earlier offset, so the
 * earlier of the two instants. On the rare day a zone skipped altogether (Pacific/Apia on
 * 2011-12-30) the same-local-time policy would give an empty window, so that window lasts 24
 * elapsed hours instead.
 *
 * <p>Instances are immutable and thread-safe. The per-zone index behind {@link #globalSpan()} and
 * {@link #liveAt(Instant)} is built once, on first use, over every zone of the JDK's time-zone
 * database; after that {@code liveAt} is a binary search over the distinct window boundaries.
 */
public final class Schedule {
  private final Edition edition;
  private final LocalDate date;
  private volatile ZoneIndex index;

  private Schedule(Edition edition, LocalDate date) {
    this.edition = edition;
    this.date = date;
  }

  /**
   * Returns the schedule of an edition.
   *
   * @param edition an edition with a date
   * @return its schedule
   * @throws NullPointerException if {@code edition} is null
   * @throws InvalidEditionException (field {@code date}) if the edition's date is to be decided
   */
  public static Schedule of(Edition edition) {
    requireNonNull(edition, "edition");
    LocalDate date =
        edition
            .date()
            .orElseThrow(
                () ->
                    new InvalidEditionException(
                        "date",
                        "edition "
                            + edition.number()
                            + " has no date yet (status "
                            + edition.status()
                            + "), so it has no windows"));
    return new Schedule(edition, date);
  }

  /**
   * Parses a time-zone id such as {@code Europe/Madrid} or {@code +05:45}.
   *
   * @param zoneId the id, as {@link ZoneId#of(String)} reads it
   * @return the zone
   * @throws UnknownZoneException (field {@code zone}) if the id is null, malformed or unknown
   */
  public static ZoneId parseZone(String zoneId) {
    if (zoneId == null || zoneId.isBlank()) {
      throw new UnknownZoneException("zone", "must not be empty");
    }
    try {
      return ZoneId.of(zoneId.strip());
    } catch (DateTimeException e) {
      throw new UnknownZoneException(
          "zone", "'" + zoneId.strip() + "' is not a known time-zone id");
    }
  }

  /**
   * Returns the edition this schedule is for.
   *
   * @return the edition
   */
  public Edition edition() {
    return edition;
  }

  /**
   * Returns the 24 hours of a time zone.
   *
   * @param zone a region zone such as {@code Asia/Kathmandu}, or a fixed offset
   * @return the zone's window for this edition
   * @throws NullPointerException if {@code zone} is null
   */
  public Window windowIn(ZoneId zone) {
    requireNonNull(zone, "zone");
    return window(zone.getRules());
  }

  /**
   * Returns the span from the first zone to open to the last zone to close, over every region zone
   * of the JDK's time-zone database: about 50 hours.
   *
   * @return the global span
   */
  public Window globalSpan() {
    return index().span;
  }

  /**
   * Returns the region zones whose window contains the instant.
   *
   * @param instant the instant to ask about
   * @return an immutable set, in zone-id order; empty outside the global span
   * @throws NullPointerException if {@code instant} is null
   */
  public Set<ZoneId> liveAt(Instant instant) {
    requireNonNull(instant, "instant");
    return index().liveAt(instant);
  }

  /**
   * Returns the distinct instants at which zones open, each with the region zones opening then: the
   * ticks of a timeline of the {@linkplain #globalSpan() global span}. The first key is the span's
   * start (Kiribati's line islands, in a usual year).
   *
   * @return an immutable map in time order; each list in zone-id order
   */
  public NavigableMap<Instant, List<ZoneId>> openings() {
    return index().openings;
  }

  /**
   * Returns the time until a zone's window opens.
   *
   * @param zone the zone
   * @param now the current instant, usually {@code clock.instant()}
   * @return the time until the window opens, or {@link Duration#ZERO} once it has opened
   * @throws NullPointerException if an argument is null
   */
  public Duration countdown(ZoneId zone, Instant now) {
    requireNonNull(now, "now");
    Instant start = windowIn(zone).start();
    return now.isBefore(start) ? Duration.between(now, start) : Duration.ZERO;
  }

  private Window window(ZoneRules rules) {
    LocalTime localStart = edition.localStart();
    Instant start = opening(rules, LocalDateTime.of(date, localStart));
    Instant end;
    if (edition.windowPolicy() == WindowPolicy.ELAPSED_24_HOURS) {
      end = start.plus(Duration.ofDays(1));
    } else {
      end = opening(rules, LocalDateTime.of(date.plusDays(1), localStart));
      if (!end.isAfter(start) || wholeDateSkipped(rules, date)) {
        // The zone skipped the whole date: no wall-clock day to measure from, so give it 24 hours.
        end = start.plus(Duration.ofDays(1));
      }
    }
    return new Window(start, end);
  }

  /** Whether the zone jumped over the whole of the date (Pacific/Apia on 2011-12-30). */
  private static boolean wholeDateSkipped(ZoneRules rules, LocalDate date) {
    ZoneOffsetTransition t = rules.getTransition(date.atStartOfDay());
    return t != null
        && t.isGap()
        && !t.getDateTimeAfter().isBefore(date.plusDays(1).atStartOfDay());
  }

  /**
   * The instant a local date-time opens at: the transition when in a gap, the earlier offset when
   * in an overlap.
   */
  private static Instant opening(ZoneRules rules, LocalDateTime local) {
    if (rules.isFixedOffset()) {
      return local.toInstant(rules.getOffset(Instant.EPOCH));
    }
    List<ZoneOffset> offsets = rules.getValidOffsets(local);
    if (offsets.size() == 1) {
      return local.toInstant(offsets.get(0));
    }
    ZoneOffsetTransition transition = rules.getTransition(local);
    return offsets.isEmpty()
        ? transition.getInstant()
        : local.toInstant(transition.getOffsetBefore());
  }

  private ZoneIndex index() {
    ZoneIndex i = index;
    if (i == null) {
      synchronized (this) {
        i = index;
        if (i == null) {
          i = buildIndex();
          index = i;
        }
      }
    }
    return i;
  }

  /**
   * Groups all region zones by their window: zones that share offsets around the date share a
   * window, so there are a few dozen groups for some six hundred zones. The boundaries of those
   * windows cut time into segments within which the live set does not change.
   */
  private ZoneIndex buildIndex() {
    Map<ZoneRules, Window> byRules = new HashMap<>();
    Map<Window, List<ZoneId>> groups = new LinkedHashMap<>();
    for (ZoneId zone : Zones.ALL) {
      Window w = byRules.computeIfAbsent(zone.getRules(), this::window);
      groups.computeIfAbsent(w, k -> new ArrayList<>()).add(zone);
    }
    TreeSet<Instant> cuts = new TreeSet<>();
    for (Window w : groups.keySet()) {
      cuts.add(w.start());
      cuts.add(w.end());
    }
    Instant[] bounds = cuts.toArray(new Instant[0]);
    List<Set<ZoneId>> segments = new ArrayList<>(bounds.length - 1);
    for (int s = 0; s + 1 < bounds.length; s++) {
      List<ZoneId> live = new ArrayList<>();
      for (Map.Entry<Window, List<ZoneId>> g : groups.entrySet()) {
        if (g.getKey().contains(bounds[s])) {
          live.addAll(g.getValue());
        }
      }
      live.sort(Comparator.comparing(ZoneId::getId));
      segments.add(Collections.unmodifiableSet(new LinkedHashSet<>(live)));
    }
    TreeMap<Instant, List<ZoneId>> openings = new TreeMap<>();
    for (Map.Entry<Window, List<ZoneId>> g : groups.entrySet()) {
      openings.computeIfAbsent(g.getKey().start(), k -> new ArrayList<>()).addAll(g.getValue());
    }
    openings.replaceAll((k, v) -> v.stream().sorted(Comparator.comparing(ZoneId::getId)).toList());
    return new ZoneIndex(bounds, segments, Collections.unmodifiableNavigableMap(openings));
  }

  private static final class ZoneIndex {
    final Instant[] bounds;
    final List<Set<ZoneId>> segments;
    final Window span;
    final NavigableMap<Instant, List<ZoneId>> openings;

    ZoneIndex(
        Instant[] bounds,
        List<Set<ZoneId>> segments,
        NavigableMap<Instant, List<ZoneId>> openings) {
      this.bounds = bounds;
      this.segments = segments;
      this.openings = openings;
      this.span = new Window(bounds[0], bounds[bounds.length - 1]);
    }

    Set<ZoneId> liveAt(Instant t) {
      int i = Arrays.binarySearch(bounds, t);
      int segment = i >= 0 ? i : -i - 2;
      if (segment < 0 || segment >= segments.size()) {
        return Set.of();
      }
      return segments.get(segment);
    }
  }

  /**
   * The region zones of the JDK's time-zone database, resolved once. Other {@code
   * ZoneRulesProvider}s on the class path add ids of their own to {@link
   * ZoneId#getAvailableZoneIds()} (ical4j adds hundreds of {@code ical4j~<uuid>} copies of its own
   * tz data); only ids in the tz database's own syntax are kept, so those neither join the live
   * sets nor get loaded.
   */
  static final class Zones {
    static final List<ZoneId> ALL;

    static {
      List<ZoneId> all = new ArrayList<>();
      for (String id : new TreeSet<>(ZoneId.getAvailableZoneIds())) {
        if (isTzdbId(id)) {
          all.add(ZoneId.of(id));
        }
      }
      ALL = List.copyOf(all);
    }

    private Zones() {}

    /** Letters, digits, '/', '_', '-' and '+', starting with a letter: the tz database's names. */
    static boolean isTzdbId(String id) {
      if (id.isEmpty() || !isAsciiLetter(id.charAt(0))) {
        return false;
      }
      for (int i = 0; i < id.length(); i++) {
        char c = id.charAt(i);
        if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && "/_-+".indexOf(c) < 0) {
          return false;
        }
      }
      return true;
    }

    private static boolean isAsciiLetter(char c) {
      return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }
  }
}
