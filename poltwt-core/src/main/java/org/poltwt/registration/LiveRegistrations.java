package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.ZoneId;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;

/**
 * The registrations whose own window is open at an instant, answered in time that never grows with
 * the number of registrations: {@link #count(Instant)} is a binary search over the distinct window
 * boundaries of the registrations' zones, and {@link #liveAt(Instant)} walks the distinct zones (a
 * few hundred at most).
 *
 * <pre>{@code
 * LiveRegistrations live = LiveRegistrations.of(Schedule.of(fifth), verifiedRegistrations);
 * int onAirNow = live.count(clock.instant());
 * live.liveAt(clock.instant()).forEach((zone, group) -> ...);
 * }</pre>
 *
 * <p>The index groups the registrations by {@linkplain Registration#zone() zone} once, when it is
 * built, and computes each zone's window once. A registration is live at an instant when {@code
 * schedule.windowIn(registration.zone())} contains it (half-open: live at the window's start, not
 * at its end), the rule {@link Schedule#liveAt(Instant)} follows for region zones; fixed offsets
 * such as {@code +05:45}, which {@code liveAt} leaves out, are answered the same way.
 *
 * <p>The index takes the registrations as given, whatever their edition or status: callers who want
 * only the verified registrations of the schedule's edition pass only those. It is a snapshot:
 * build a new one to see registrations made later. Instances are immutable and thread-safe.
 */
public final class LiveRegistrations {
  private final Schedule schedule;
  private final ZoneId[] zones;
  private final List<List<Registration>> groups;

  /** Per zone, its window. */
  private final Window[] windows;

  private final Map<ZoneId, Integer> slots;
  private final int size;

  /** The distinct window boundaries, in order: within two of them, who is live does not change. */
  private final Instant[] bounds;

  /**
   * How many registrations are live from {@code bounds[i]} (inclusive) to {@code bounds[i + 1]}.
   */
  private final int[] liveFrom;

  private LiveRegistrations(Schedule schedule, Map<ZoneId, List<Registration>> byZone) {
    this.schedule = schedule;
    int n = byZone.size();
    this.zones = new ZoneId[n];
    this.windows = new Window[n];
    int[] sizes = new int[n];
    List<List<Registration>> g = new ArrayList<>(n);
    Map<ZoneId, Integer> s = new HashMap<>();
    TreeSet<Instant> cuts = new TreeSet<>();
    int i = 0;
    int total = 0;
    for (Map.Entry<ZoneId, List<Registration>> e : byZone.entrySet()) {
      zones[i] = e.getKey();
      windows[i] = schedule.windowIn(e.getKey());
      cuts.add(windows[i].start());
      cuts.add(windows[i].end());
      g.add(Collections.unmodifiableList(e.getValue()));
      sizes[i] = e.getValue().size();
      total += sizes[i];
      s.put(e.getKey(), i);
      i++;
    }
    this.groups = Collections.unmodifiableList(g);
    this.slots = s;
    this.size = total;
    this.bounds = cuts.toArray(new Instant[0]);
    this.liveFrom = new int[bounds.length];
    for (int b = 0; b < bounds.length; b++) {
      int live = 0;
      for (int z = 0; z < n; z++) {
        if (windows[z].contains(bounds[b])) {
          live += sizes[z];
        }
      }
      liveFrom[b] = live;
    }
  }

  /**
   * Indexes registrations by zone for a schedule.
   *
   * @param schedule the schedule whose windows decide who is live
   * @param registrations the registrations, as given (no filtering by edition or status); copied
   * @return the index
   * @throws NullPointerException if an argument or a registration is null
   */
  public static LiveRegistrations of(Schedule schedule, Collection<Registration> registrations) {
    requireNonNull(schedule, "schedule");
    requireNonNull(registrations, "registrations");
    Map<ZoneId, List<Registration>> byZone =
        new TreeMap<>((a, b) -> a.getId().compareTo(b.getId()));
    for (Registration r : registrations) {
      requireNonNull(r, "registration");
      byZone.computeIfAbsent(r.zone(), z -> new ArrayList<>()).add(r);
    }
    return new LiveRegistrations(schedule, byZone);
  }

  /**
   * Returns the schedule the index answers for.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    return schedule;
  }

  /**
   * Returns how many registrations the index holds, live or not.
   *
   * @return the number of registrations
   */
  public int size() {
    return size;
  }

  /**
   * Returns the distinct zones of the registrations.
   *
   * @return an immutable set, in zone-id order
   */
  public Set<ZoneId> zones() {
    return Collections.unmodifiableSet(new LinkedHashSet<>(List.of(zones)));
  }

  /**
   * Counts the registrations live at an instant, in time logarithmic in the number of distinct
   * zones.
   *
   * @param instant the instant to ask about
   * @return how many registrations' windows contain it
   * @throws NullPointerException if {@code instant} is null
   */
  public int count(Instant instant) {
    requireNonNull(instant, "instant");
    int i = Arrays.binarySearch(bounds, instant);
    int segment = i >= 0 ? i : -i - 2;
    return segment < 0 ? 0 : liveFrom[segment];
  }

  /**
   * Returns the registrations live at an instant, grouped by zone, as a lazy view: nothing is
   * copied, and walking it costs the number of distinct zones plus the registrations walked.
   *
   * @param instant the instant to ask about
   * @return an unmodifiable map from each live zone, in zone-id order, to its registrations in the
   *     order they were given; empty outside every window
   * @throws NullPointerException if {@code instant} is null
   */
  public Map<ZoneId, List<Registration>> liveAt(Instant instant) {
    requireNonNull(instant, "instant");
    return new LiveView(instant);
  }

  /**
   * Describes the index without any personal data.
   *
   * @return the edition, the number of registrations and of zones
   */
  @Override
  public String toString() {
    return "LiveRegistrations[edition="
        + schedule.edition().number()
        + ", registrations="
        + size
        + ", zones="
        + zones.length
        + "]";
  }

  private boolean isLive(int i, Instant instant) {
    return windows[i].contains(instant);
  }

  /** The live groups at one instant. */
  private final class LiveView extends AbstractMap<ZoneId, List<Registration>> {
    private final Instant instant;

    LiveView(Instant instant) {
      this.instant = instant;
    }

    @Override
    public List<Registration> get(Object key) {
      Integer i = key instanceof ZoneId ? slots.get(key) : null;
      return i != null && isLive(i, instant) ? groups.get(i) : null;
    }

    @Override
    public boolean containsKey(Object key) {
      return get(key) != null;
    }

    @Override
    public Set<Map.Entry<ZoneId, List<Registration>>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<ZoneId, List<Registration>>> iterator() {
          return new Iterator<>() {
            private int next = advance(0);

            private int advance(int from) {
              int i = from;
              while (i < zones.length && !isLive(i, instant)) {
                i++;
              }
              return i;
            }

            @Override
            public boolean hasNext() {
              return next < zones.length;
            }

            @Override
            public Map.Entry<ZoneId, List<Registration>> next() {
              if (next >= zones.length) {
                throw new NoSuchElementException();
              }
              int i = next;
              next = advance(i + 1);
              return Map.entry(zones[i], groups.get(i));
            }
          };
        }

        @Override
        public int size() {
          int n = 0;
          for (int i = 0; i < zones.length; i++) {
            if (isLive(i, instant)) {
              n++;
            }
          }
          return n;
        }
      };
    }
  }
}
