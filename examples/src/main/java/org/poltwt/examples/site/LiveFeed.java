package org.poltwt.examples.site;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.sse.SseClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.examples.common.Stores;
import org.poltwt.examples.demo.Gazetteer;
import org.poltwt.live.BoardState;
import org.poltwt.live.LiveBoard;
import org.poltwt.live.LivePost;
import org.poltwt.live.PostTally;
import org.poltwt.map.Participant;
import org.poltwt.map.ParticipantMap;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Tweet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance's live feed: it reads the tweet store once a second, whatever the number of viewers,
 * and pushes one {@code state} event to each of this instance's Server-Sent Events viewers.
 *
 * <p><b>Polling by id, not {@code LISTEN/NOTIFY}.</b> Each poll asks the store for the edition's
 * tweets with an id above the largest this instance has seen ({@link
 * org.poltwt.spi.TweetStore#listAfterId}), one indexed query per instance per second. It works the
 * same on H2, PostgreSQL and the in-memory store, whoever wrote the tweets (a harvester on another
 * instance, a replay, a CLI import), and needs no connection held open per instance; PostgreSQL's
 * {@code LISTEN/NOTIFY} would save that one query but would tie the board to one database and still
 * need a read to fetch what was notified. A viewer costs no query: every viewer of the instance
 * gets the same serialized event.
 *
 * <p><b>Event ids.</b> An event's id is the largest tweet id the instance has read. Tweet ids are
 * the same on every instance, so a browser that reconnects, to this instance or another, sends it
 * as {@code Last-Event-ID} and gets only the posts after it; an id too old for the posts kept in
 * memory, or one that is not an id at all, gets the whole current state instead.
 *
 * <p><b>Posts stored late.</b> A harvest stores X's pages newest first, so a poll can fall between
 * a page of newer posts and the page of older ones after it, whose ids are below the largest read.
 * Every {@link #RECHECK_TICKS} ticks the feed therefore reads again from the largest id it had read
 * {@link #RECHECK_REACH} ticks before, and counts what it had not seen. A harvest asks only for
 * posts newer than the newest stored when it began, so its posts are all above the largest id any
 * poll had read by then: the recheck finds every post of a harvest shorter than its reach. What a
 * longer one stores (a backlog read after hours without a harvester) a count tells: every {@link
 * #RECHECK_REACH} ticks the feed counts the edition's posts in the store, and when its tally is
 * still below the count of the check before (posts stored then that no recheck has found since), it
 * reads the edition again. A post found late changes the event id's generation ({@code <tweet
 * id>-<n>}), so a viewer who missed its event gets the whole state when it resumes.
 */
final class LiveFeed implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  /** How many tweets one poll reads at most per page, and pages per poll. */
  static final int PAGE = 1_000;

  private static final int PAGES_PER_POLL = 20;

  /**
   * How many ticks (seconds) apart the board re-reads the editions and its verified registrations,
   * and is built again when either changed: counted in ticks rather than on the board's clock,
   * which a replay speeds up.
   */
  static final int REBUILD_TICKS = 15 * 60;

  /** How many ticks apart the feed reads the recent past again for posts stored late. */
  static final int RECHECK_TICKS = 10;

  /** How many ticks back the recheck reaches. */
  static final int RECHECK_REACH = 120;

  private final Stores stores;
  private final Clock clock;
  private final OptionalInt edition;
  private final boolean showUnregistered;
  private final LiveSenders viewers = new LiveSenders();

  // Written by the timer thread only (tick is synchronized); read by connecting viewers through
  // the volatile `published`.
  private LiveBoard board;
  private PostTally tally;
  private Optional<String> lastId = Optional.empty();

  /** The largest id read as of each of the last {@link #RECHECK_REACH} ticks, oldest first. */
  private final ArrayDeque<Optional<String>> marks = new ArrayDeque<>();

  /** The ids read above the oldest mark: the posts a recheck must not count twice. */
  private final TreeSet<String> recentIds = new TreeSet<>(LiveFeed::compareIds);

  private int ticksSinceBuild;

  /**
   * How many times posts were found late: the event id's generation, so that a viewer who missed
   * the event that brought them gets the whole state when it resumes. Never reset.
   */
  private int lateGeneration;

  /** The store's count of the edition's posts at the last count, or -1 before the first. */
  private long storedAtLastCount = -1;

  /** How many times the board was built: for tests of when it is rebuilt. */
  private int builds;

  /** The verified registrations the board was built from. */
  private List<Registration> builtFrom = List.of();

  private Instant lastAsked = Instant.MIN;
  private String markers = "[]";
  private volatile Published published;

  /**
   * What the last tick published: its event id, its state, the static parts of the page, and the
   * edition it is about (read together, so a page never mixes one edition's state with another's
   * number).
   */
  record Published(String eventId, BoardState state, String markers, int edition) {}

  /**
   * A feed.
   *
   * @param clock the board's clock: the site's, or a replay's
   * @param edition the edition to show, or empty to follow the editions' dates
   */
  LiveFeed(Stores stores, Clock clock, OptionalInt edition, boolean showUnregistered) {
    this.stores = stores;
    this.clock = clock;
    this.edition = edition;
    this.showUnregistered = showUnregistered;
  }

  /** The last published state, computing one first if there is none yet. */
  Optional<Published> current() {
    Published p = published;
    if (p == null) {
      tick();
      p = published;
    }
    return Optional.ofNullable(p);
  }

  /** The timeline's ticks; only after {@link #current()} found an edition. */
  synchronized java.util.NavigableMap<Instant, List<ZoneId>> ticks() {
    return board.ticks();
  }

  /** How many times this feed built its board, reading the edition's posts whole. */
  synchronized int builds() {
    return builds;
  }

  /** How many viewers are connected to this instance. */
  int viewers() {
    return viewers.size();
  }

  /** Closes the viewers' streams; the site calls it when it stops. */
  @Override
  public void close() {
    viewers.close();
  }

  /**
   * Polls the store, computes the state and sends it to every viewer. Called once a second by the
   * site's timer; tests call it directly.
   */
  synchronized void tick() {
    Instant now = clock.instant();
    try {
      boolean backwards =
          !lastAsked.equals(Instant.MIN) && now.isBefore(lastAsked.minus(Duration.ofMinutes(1)));
      boolean rebuilt = board == null || backwards;
      boolean late = false;
      List<LivePost> fresh = List.of();
      if (!rebuilt) {
        fresh = poll();
        ticksSinceBuild++;
        late = ticksSinceBuild % RECHECK_TICKS == 0 && recheck(fresh);
        // After the poll and the recheck, so that the store's count and the tally's can agree.
        rebuilt = due(now);
      }
      if (rebuilt) {
        if (!rebuild(now)) {
          published = null;
          return;
        }
        fresh = poll();
      }
      if (late) {
        lateGeneration++;
      }
      BoardState state = board.stateAt(now, tally);
      lastAsked = now.isAfter(lastAsked) ? now : lastAsked;
      String id = new EventId(lastId.orElse("0"), lateGeneration).toString();
      published = new Published(id, state, markers, board.edition().number());
      // After a rebuild, or a burst larger than the strip, the viewers get the strip as it is
      // rather than every post read.
      // So do they after a post stored late, which the strip places by its id.
      boolean full = rebuilt || late || fresh.size() > state.latest().size();
      String event = full ? json(state, state.latest(), true) : json(state, fresh, false);
      // Queued, not written: a viewer that stopped reading must not hold up the others.
      viewers.sendAll(event, id);
    } catch (RuntimeException e) {
      LOG.warn("the live feed's poll failed ({})", e.getClass().getName());
    }
  }

  /** A viewer connects: it gets the state now, and every tick's after. */
  void connect(SseClient client) {
    client.keepAlive();
    client.onClose(() -> viewers.remove(client));
    LiveReconnect.sendRetry(client);
    String lastEventId = LiveReconnect.lastEventId(client.ctx());
    // Under the tick's lock, so that no tick's event falls between the first event and the
    // viewer's joining, nor comes before the first event.
    synchronized (this) {
      Optional<Published> p = current();
      viewers.add(client);
      if (p.isPresent()) {
        viewers.send(client, resume(p.get(), lastEventId), p.get().eventId());
      }
    }
  }

  /**
   * The event a viewer gets when it connects: the posts after its last event id when the strip's
   * posts reach back that far, else the whole state.
   */
  static String resume(Published p, String lastEventId) {
    BoardState s = p.state();
    Optional<EventId> seen = EventId.parse(lastEventId);
    EventId now = EventId.parse(p.eventId()).orElseThrow();
    // Only an id of this generation, not ahead of this instance's, can be resumed from: posts found
    // late since, or an id from an instance ahead of this one, need the whole state.
    if (seen.isPresent()
        && seen.get().generation() == now.generation()
        && compareIds(seen.get().tweetId(), now.tweetId()) <= 0) {
      String after = seen.get().tweetId();
      List<LivePost> latest = s.latest();
      boolean reachesBack =
          latest.size() < LiveBoard.DEFAULT_LATEST
              || compareIds(latest.get(latest.size() - 1).id(), after) <= 0;
      if (reachesBack) {
        return json(s, latest.stream().filter(x -> compareIds(x.id(), after) > 0).toList(), false);
      }
    }
    return json(s, s.latest(), true);
  }

  /**
   * An event's id: the largest tweet id the feed has read, the same on every instance, and after
   * posts were found late the generation of those finds, as {@code <tweet id>-<generation>}.
   */
  record EventId(String tweetId, int generation) {
    /** Reads an id; empty when it is not one (nonsense, or made up). */
    static Optional<EventId> parse(String id) {
      if (id == null) {
        return Optional.empty();
      }
      int dash = id.indexOf('-');
      String tweet = dash < 0 ? id : id.substring(0, dash);
      String generation = dash < 0 ? "0" : id.substring(dash + 1);
      if (!validId(tweet)
          || generation.isEmpty()
          || generation.length() > 9
          || !generation.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      return Optional.of(new EventId(tweet, Integer.parseInt(generation)));
    }

    @Override
    public String toString() {
      return generation == 0 ? tweetId : tweetId + "-" + generation;
    }
  }

  /**
   * The zone to name as the first to open: a place (Pacific/Kiritimati) rather than the tz
   * database's {@code Etc/GMT-14}, which opens at the same instant.
   */
  static String firstZone(BoardState s) {
    return s.firstZones().stream()
        .map(ZoneId::getId)
        .filter(id -> !id.startsWith("Etc/"))
        .findFirst()
        .orElse(s.firstZones().isEmpty() ? "" : s.firstZones().get(0).getId());
  }

  /** Whether a text is a tweet id: 1 to 19 decimal digits. */
  static boolean validId(String id) {
    return !id.isEmpty() && id.length() <= 19 && id.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Compares tweet ids as numbers: a shorter one is smaller (they have no leading zeros). */
  static int compareIds(String a, String b) {
    return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
  }

  /**
   * Reads an edition's posts above an id in id order, a page of {@link #PAGE} at a time, at most
   * {@code pages} pages.
   *
   * @return the largest id read, or {@code after} when none was
   */
  static Optional<String> readAfter(
      TweetStore store, int edition, Optional<String> after, int pages, Consumer<Tweet> each) {
    Optional<String> last = after;
    for (int page = 0; page < pages; page++) {
      List<Tweet> tweets = store.listAfterId(edition, last, PAGE);
      for (Tweet t : tweets) {
        each.accept(t);
        last = Optional.of(t.id());
      }
      if (tweets.size() < PAGE) {
        break;
      }
    }
    return last;
  }

  private List<LivePost> poll() {
    List<LivePost> fresh = new ArrayList<>();
    lastId =
        readAfter(
            stores.tweets(),
            board.edition().number(),
            lastId,
            PAGES_PER_POLL,
            t -> {
              tally.add(t).ifPresent(fresh::add);
              recentIds.add(t.id());
            });
    marks.addLast(lastId);
    if (marks.size() > RECHECK_REACH) {
      marks.removeFirst();
      marks.peekFirst().ifPresent(floor -> recentIds.headSet(floor, true).clear());
    }
    fresh.sort(Comparator.comparing(LivePost::createdAt).reversed());
    return fresh;
  }

  /**
   * Reads again from the oldest mark and counts the posts stored there since (below ids already
   * read); adds those the strip shows to {@code fresh}.
   *
   * @return whether any post was found late
   */
  private boolean recheck(List<LivePost> fresh) {
    Optional<String> from = marks.peekFirst();
    if (from == null) {
      return false;
    }
    long counted = tally.total();
    readAfter(
        stores.tweets(),
        board.edition().number(),
        from,
        PAGES_PER_POLL,
        t -> {
          if (recentIds.add(t.id())) {
            tally.add(t).ifPresent(fresh::add);
          }
        });
    return tally.total() > counted;
  }

  /**
   * Whether the board must be built again: the store holds posts stored before the last count that
   * no recheck has found since (one count query every {@link #RECHECK_REACH} ticks), or, every
   * {@link #REBUILD_TICKS}, the edition or its verified registrations changed.
   */
  private boolean due(Instant now) {
    int number = board.edition().number();
    if (ticksSinceBuild % RECHECK_REACH == 0) {
      long stored = stores.tweets().count(TweetQuery.of(number));
      // Compared with the count before, not this one: posts stored since a moment ago may wait
      // for the next recheck, and are no sign of posts out of its reach.
      boolean missing = storedAtLastCount >= 0 && tally.total() < storedAtLastCount;
      storedAtLastCount = stored;
      if (missing) {
        return true;
      }
    }
    if (ticksSinceBuild % REBUILD_TICKS != 0) {
      return false;
    }
    Optional<Edition> e = editionAt(now);
    return e.isEmpty() || !e.get().equals(board.edition()) || !verified(number).equals(builtFrom);
  }

  /** Reads the edition and its verified registrations; false if there is no edition to show. */
  private boolean rebuild(Instant now) {
    Optional<Edition> e = editionAt(now);
    if (e.isEmpty()) {
      return false;
    }
    List<Registration> registrations = verified(e.get().number());
    builtFrom = registrations;
    // A board built again may show posts a resuming viewer never had: a new generation of ids.
    if (builds > 0) {
      lateGeneration++;
    }
    builds++;
    board =
        LiveBoard.builder()
            .edition(e.get())
            .registrations(registrations)
            .showUnregistered(showUnregistered)
            .build();
    tally = board.newTally();
    lastId = Optional.empty();
    marks.clear();
    recentIds.clear();
    storedAtLastCount = -1;
    lastAsked = Instant.MIN;
    ticksSinceBuild = 0;
    markers = markers(registrations);
    published = null;
    return true;
  }

  /**
   * The edition the board shows: the one given, else the one live now, else the next to start, else
   * the last to have ended. Editions without a date have no board.
   */
  private Optional<Edition> editionAt(Instant now) {
    List<Edition> dated = new ArrayList<>();
    for (Edition e : stores.editions().all()) {
      if (e.date().isPresent() && (edition.isEmpty() || e.number() == edition.getAsInt())) {
        dated.add(e);
      }
    }
    Edition best = null;
    Window bestSpan = null;
    for (Edition e : dated) {
      Window span = Schedule.of(e).globalSpan();
      if (span.contains(now)) {
        return Optional.of(e);
      }
      if (best == null || better(span, bestSpan, now)) {
        best = e;
        bestSpan = span;
      }
    }
    return Optional.ofNullable(best);
  }

  /** An edition still to start beats one that has ended; the sooner to start, the later to end. */
  private static boolean better(Window a, Window b, Instant now) {
    boolean aAhead = a.start().isAfter(now);
    boolean bAhead = b.start().isAfter(now);
    if (aAhead != bAhead) {
      return aAhead;
    }
    return aAhead ? a.start().isBefore(b.start()) : a.end().isAfter(b.end());
  }

  private List<Registration> verified(int number) {
    return stores.allRegistrations(
        RegistrationQuery.of(number).withStatus(RegistrationStatus.VERIFIED));
  }

  /** The map's markers: each placed participant's position and zone, read once per rebuild. */
  private String markers(Collection<Registration> verified) {
    int number = board.edition().number();
    Map<String, ZoneId> zones = new HashMap<>();
    for (Registration r : verified) {
      zones.put(r.handle().normalized(), r.zone());
    }
    ArrayNode out = JSON.createArrayNode();
    for (Participant p :
        ParticipantMap.from(stores.registrations(), number, Gazetteer.bundled()).placed()) {
      ZoneId zone = zones.get(p.handle().normalized());
      if (zone == null || p.coordinates().isEmpty()) {
        continue;
      }
      ObjectNode m = out.addObject();
      m.put("lat", p.coordinates().get().latitude());
      m.put("lon", p.coordinates().get().longitude());
      m.put("zone", zone.getId());
      m.put("handle", p.handle().value());
    }
    return out.toString();
  }

  /**
   * One event's data: the counters, and the posts it brings (all the strip's when {@code full}).
   */
  static String json(BoardState s, List<LivePost> posts, boolean full) {
    ObjectNode n = JSON.createObjectNode();
    n.put("at", s.at().toString());
    n.put("phase", s.phase().name());
    n.put("spanStart", s.span().start().toString());
    n.put("spanEnd", s.span().end().toString());
    n.put("countdown", s.countdown().toSeconds());
    n.put("firstZone", firstZone(s));
    n.put("zonesLive", s.zonesLive());
    if (s.band().isPresent()) {
      n.put("bandWest", s.band().get().west().getTotalSeconds());
      n.put("bandEast", s.band().get().east().getTotalSeconds());
      // Where the map shades it: split at the antimeridian, so that Kiribati's +14 lies on it.
      ArrayNode spans = n.putArray("bandSpans");
      s.band().get().longitudes().forEach(x -> spans.addArray().add(x.west()).add(x.east()));
    }
    n.put("participants", s.participants());
    n.put("participantsLive", s.participantsLive());
    ArrayNode zones = n.putArray("liveZones");
    s.participantZonesLive().stream().map(ZoneId::getId).sorted().forEach(zones::add);
    n.put("postsTotal", s.postsTotal());
    n.put("postsLastMinute", s.postsLastMinute());
    n.put("postsHidden", s.postsHidden());
    if (s.compliantShare().isPresent()) {
      n.put("compliantPercent", Math.round(s.compliantShare().getAsDouble() * 100));
    }
    n.put("full", full);
    ArrayNode list = n.putArray("posts");
    for (LivePost p : posts) {
      ObjectNode o = list.addObject();
      o.put("id", p.id());
      o.put("handle", p.authorHandle().map(h -> h.value()).orElse(""));
      o.put("text", p.text());
      o.put("createdAt", p.createdAt().toString());
      o.put("link", p.link());
      o.put("registered", p.registered());
    }
    return n.toString();
  }
}
