package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.LiveRegistrations;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Tweet;

/**
 * The live board of one edition: what does not change while it runs (its schedule, its verified
 * registrations indexed by zone and by account, its compliance rules), and the rules that turn an
 * instant and a {@link PostTally} into a {@link BoardState}. Nothing here reads a store or a clock:
 * the caller passes the registrations once and the instant each time.
 *
 * <pre>{@code
 * LiveBoard board = LiveBoard.builder()
 *     .edition(fifth)
 *     .registrations(verifiedOfTheFifth)
 *     .build();
 * PostTally tally = board.newTally();
 * newPosts.forEach(tally::add);
 * BoardState now = board.stateAt(clock.instant(), tally);
 * }</pre>
 *
 * <p>A registration is known to the board when it is {@link RegistrationStatus#VERIFIED VERIFIED}
 * and of the board's edition; others given are left out. A post's author is registered by the
 * compliance checker's rule: the registration's account id when it has one, else its handle.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class LiveBoard {
  /** How many latest posts the strip shows unless told otherwise. */
  public static final int DEFAULT_LATEST = 20;

  private final Edition edition;
  private final Schedule schedule;
  private final LiveRegistrations participants;
  private final Map<String, Registration> byAccountId;
  private final Map<String, Registration> byHandle;
  private final ComplianceChecker checker;
  private final boolean showUnregistered;
  private final int latest;

  private LiveBoard(Builder b) {
    this.edition = b.edition;
    this.schedule = Schedule.of(b.edition);
    this.showUnregistered = b.showUnregistered;
    this.latest = b.latest;
    List<Registration> known = new ArrayList<>();
    Map<String, Registration> ids = new HashMap<>();
    Map<String, Registration> handles = new HashMap<>();
    for (Registration r : b.registrations) {
      if (r.edition() != edition.number() || r.status() != RegistrationStatus.VERIFIED) {
        continue;
      }
      known.add(r);
      if (r.accountId().isPresent()) {
        ids.putIfAbsent(r.accountId().get(), r);
      } else {
        handles.putIfAbsent(r.handle().normalized(), r);
      }
    }
    this.participants = LiveRegistrations.of(schedule, known);
    this.byAccountId = Map.copyOf(ids);
    this.byHandle = Map.copyOf(handles);
    this.checker =
        ComplianceChecker.builder()
            .edition(edition)
            .registrationLookup((n, authorId, handle) -> registrationOf(authorId, handle))
            .build();
  }

  /**
   * Starts building a board; set the edition and the registrations.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the edition.
   *
   * @return the edition
   */
  public Edition edition() {
    return edition;
  }

  /**
   * Returns the edition's schedule.
   *
   * @return the schedule
   */
  public Schedule schedule() {
    return schedule;
  }

  /**
   * Returns the verified registrations of the edition, indexed by zone.
   *
   * @return the index
   */
  public LiveRegistrations participants() {
    return participants;
  }

  /**
   * Whether the strip shows posts whose authors are not registered.
   *
   * @return false by default
   */
  public boolean showsUnregistered() {
    return showUnregistered;
  }

  /**
   * Returns the timeline's ticks: each instant at which zones open, with those zones.
   *
   * @return {@link Schedule#openings()}
   */
  public NavigableMap<Instant, List<ZoneId>> ticks() {
    return schedule.openings();
  }

  /**
   * Starts counting posts for this board.
   *
   * @return an empty tally
   */
  public PostTally newTally() {
    return new PostTally(this, latest);
  }

  /**
   * Computes what the board shows at an instant.
   *
   * @param at the instant
   * @param tally the posts counted, made by this board's {@link #newTally()}
   * @return the state
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the tally belongs to another board, or {@code at} is more
   *     than a minute earlier than an instant the tally was asked about before
   */
  public BoardState stateAt(Instant at, PostTally tally) {
    requireNonNull(at, "at");
    requireNonNull(tally, "tally");
    if (tally.board() != this) {
      throw new IllegalArgumentException("tally: counts posts for another board");
    }
    Window span = schedule.globalSpan();
    Phase phase =
        at.isBefore(span.start()) ? Phase.BEFORE : span.contains(at) ? Phase.LIVE : Phase.AFTER;
    Set<ZoneId> live = schedule.liveAt(at);
    Optional<LiveBand> band = Optional.empty();
    if (!live.isEmpty()) {
      int west = Integer.MAX_VALUE;
      int east = Integer.MIN_VALUE;
      for (ZoneId z : live) {
        // The standard offset, without daylight saving, follows a zone's longitude: Paris on +2
        // in summer lies where +1's band is, and Auckland on +13 in its summer where +12's is.
        int offset = z.getRules().getStandardOffset(at).getTotalSeconds();
        west = Math.min(west, offset);
        east = Math.max(east, offset);
      }
      band =
          Optional.of(
              new LiveBand(ZoneOffset.ofTotalSeconds(west), ZoneOffset.ofTotalSeconds(east)));
    }
    PostTally.Snapshot posts = tally.snapshot(at);
    return new BoardState(
        at,
        phase,
        span,
        phase == Phase.BEFORE ? Duration.between(at, span.start()) : Duration.ZERO,
        schedule.openings().firstEntry().getValue(),
        live.size(),
        band,
        participants.size(),
        participants.count(at),
        participants.liveAt(at).keySet(),
        posts.total(),
        posts.lastMinute(),
        posts.compliant(),
        posts.hidden(),
        posts.latest());
  }

  /** Turns a tweet into what the strip shows of it, checking it against the edition's rules. */
  LivePost postOf(Tweet tweet) {
    boolean registered = registrationOf(tweet.authorId(), tweet.authorHandle()).isPresent();
    return new LivePost(
        tweet.id(),
        tweet.authorHandle(),
        tweet.text(),
        tweet.createdAt(),
        registered,
        checker.check(tweet).compliant());
  }

  private Optional<Registration> registrationOf(String authorId, Optional<TwitterHandle> handle) {
    Registration r = byAccountId.get(authorId);
    if (r == null && handle.isPresent()) {
      r = byHandle.get(handle.get().normalized());
    }
    return Optional.ofNullable(r);
  }

  /**
   * Describes the board without personal data.
   *
   * @return the edition and the number of participants
   */
  @Override
  public String toString() {
    return "LiveBoard[edition=" + edition.number() + ", participants=" + participants.size() + "]";
  }

  /** Builds a {@link LiveBoard}. Each setter validates at once. Not thread-safe. */
  public static final class Builder {
    private Edition edition;
    private Collection<Registration> registrations = List.of();
    private boolean showUnregistered;
    private int latest = DEFAULT_LATEST;

    private Builder() {}

    /**
     * Sets the edition, which must have a date.
     *
     * @param edition the edition
     * @return this builder
     * @throws NullPointerException if {@code edition} is null
     * @throws org.poltwt.event.InvalidEditionException if the edition has no date yet
     */
    public Builder edition(Edition edition) {
      requireNonNull(edition, "edition");
      Schedule.of(edition); // fails now, naming the date, rather than in build()
      this.edition = edition;
      return this;
    }

    /**
     * Sets the registrations; only the edition's verified ones are kept.
     *
     * @param registrations the registrations, copied
     * @return this builder
     * @throws NullPointerException if the collection or one of its elements is null
     */
    public Builder registrations(Collection<Registration> registrations) {
      requireNonNull(registrations, "registrations");
      registrations.forEach(r -> requireNonNull(r, "registration"));
      this.registrations = List.copyOf(registrations);
      return this;
    }

    /**
     * Sets whether the strip shows posts by authors who are not registered (they are counted either
     * way).
     *
     * @param show true to show them; false by default
     * @return this builder
     */
    public Builder showUnregistered(boolean show) {
      this.showUnregistered = show;
      return this;
    }

    /**
     * Sets how many of the latest posts the strip shows.
     *
     * @param count between 1 and 200; {@value #DEFAULT_LATEST} by default
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder latest(int count) {
      if (count < 1 || count > 200) {
        throw new IllegalArgumentException("latest: must be between 1 and 200, was " + count);
      }
      this.latest = count;
      return this;
    }

    /**
     * Builds the board.
     *
     * @return the board
     * @throws IllegalStateException if no edition was set
     */
    public LiveBoard build() {
      if (edition == null) {
        throw new IllegalStateException("edition: must be set");
      }
      return new LiveBoard(this);
    }
  }
}
