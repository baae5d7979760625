package org.poltwt.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.live.LiveFixtures.FIFTH;
import static org.poltwt.live.LiveFixtures.post;
import static org.poltwt.live.LiveFixtures.verified;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;
import org.poltwt.tweet.Tweet;

/** The board's rules over windows and zones, against asking each registration and post alone. */
class LiveBoardProperties {
  private static final Schedule SCHEDULE = Schedule.of(FIFTH);
  private static final Window SPAN = SCHEDULE.globalSpan();
  private static final List<ZoneId> ZONES =
      new TreeSet<>(ZoneId.getAvailableZoneIds())
          .stream().filter(id -> id.contains("/")).map(ZoneId::of).toList();

  @Provide
  Arbitrary<List<ZoneId>> zones() {
    return Arbitraries.of(ZONES).list().ofMaxSize(40);
  }

  @Provide
  Arbitrary<Instant> instants() {
    long from = SPAN.start().getEpochSecond() - 7_200;
    long to = SPAN.end().getEpochSecond() + 7_200;
    Arbitrary<Instant> any = Arbitraries.longs().between(from, to).map(Instant::ofEpochSecond);
    Arbitrary<Instant> boundary =
        Arbitraries.of(ZONES)
            .flatMap(
                z ->
                    Arbitraries.of(
                        SCHEDULE.windowIn(z).start(),
                        SCHEDULE.windowIn(z).end(),
                        SCHEDULE.windowIn(z).end().minusNanos(1),
                        SPAN.start(),
                        SPAN.end()));
    return Arbitraries.oneOf(any, boundary);
  }

  private static List<Registration> registrations(List<ZoneId> zones) {
    List<Registration> all = new ArrayList<>();
    for (int i = 0; i < zones.size(); i++) {
      all.add(verified(i, zones.get(i)));
    }
    return all;
  }

  @Property(tries = 200)
  void whoAndWhereIsLiveIsWhatEachWindowSays(
      @ForAll("zones") List<ZoneId> zones, @ForAll("instants") Instant at) {
    List<Registration> all = registrations(zones);
    LiveBoard board = LiveBoard.builder().edition(FIFTH).registrations(all).build();

    BoardState s = board.stateAt(at, board.newTally());

    long live = all.stream().filter(r -> SCHEDULE.windowIn(r.zone()).contains(at)).count();
    assertThat(s.participantsLive()).isEqualTo((int) live);
    assertThat(s.participants()).isEqualTo(all.size());
    assertThat(s.participantZonesLive())
        .allSatisfy(z -> assertThat(SCHEDULE.windowIn(z).contains(at)).isTrue());
    assertThat(s.zonesLive()).isEqualTo(SCHEDULE.liveAt(at).size());
    assertThat(s.phase() == Phase.LIVE).isEqualTo(SPAN.contains(at));
    assertThat(s.countdown().isZero()).isEqualTo(!at.isBefore(SPAN.start()));
    s.band()
        .ifPresent(
            band ->
                SCHEDULE
                    .liveAt(at)
                    .forEach(
                        z -> {
                          int offset = z.getRules().getStandardOffset(at).getTotalSeconds();
                          assertThat(offset)
                              .isBetween(
                                  band.west().getTotalSeconds(), band.east().getTotalSeconds());
                        }));
  }

  @Property(tries = 200)
  void postCountsAgreeWithCountingThePostsOneByOne(
      @ForAll("zones") List<ZoneId> zones,
      @ForAll @IntRange(min = 0, max = 60) int registeredPosts,
      @ForAll @IntRange(min = 0, max = 30) int otherPosts,
      @ForAll @IntRange(min = 0, max = 150) int spreadSeconds,
      @ForAll boolean showUnregistered) {
    List<Registration> all = registrations(zones);
    LiveBoard board =
        LiveBoard.builder()
            .edition(FIFTH)
            .registrations(all)
            .showUnregistered(showUnregistered)
            .build();
    Instant at = SPAN.start().plus(Duration.ofHours(20));
    List<Tweet> posts = new ArrayList<>();
    long id = 1;
    for (int i = 0; i < registeredPosts + otherPosts; i++) {
      boolean registered = i < registeredPosts && !all.isEmpty();
      long author = registered ? 1000 + (i % all.size()) : 5_000 + i;
      posts.add(post(id++, author, at.minusSeconds((i * 7L) % (spreadSeconds + 1))));
    }
    PostTally tally = board.newTally();
    posts.forEach(tally::add);

    BoardState s = board.stateAt(at, tally);

    long lastMinute =
        posts.stream()
            .filter(p -> !p.createdAt().isBefore(at.minusSeconds(60)) && p.createdAt().isBefore(at))
            .count();
    long unregistered = posts.stream().filter(p -> Long.parseLong(p.authorId()) >= 5_000).count();
    assertThat(s.postsTotal()).isEqualTo(posts.size());
    assertThat(s.postsLastMinute()).isEqualTo(lastMinute);
    assertThat(s.postsHidden()).isEqualTo(showUnregistered ? 0 : unregistered);
    assertThat(s.latest()).hasSizeLessThanOrEqualTo(LiveBoard.DEFAULT_LATEST);
    assertThat(s.latest()).allSatisfy(p -> assertThat(p.registered() || showUnregistered).isTrue());
    assertThat(s.compliantShare().orElse(0)).isBetween(0.0, 1.0);
    assertThat(s.postsCompliant()).isLessThanOrEqualTo(posts.size() - unregistered);
  }

  @Property(tries = 20)
  void theTicksRunFromTheSpansStartWithinTheSpan(@ForAll("instants") Instant unused) {
    LiveBoard board = LiveBoard.builder().edition(FIFTH).build();
    Map.Entry<Instant, List<ZoneId>> first = board.ticks().firstEntry();

    assertThat(first.getKey()).isEqualTo(SPAN.start());
    assertThat(board.ticks().keySet()).allSatisfy(t -> assertThat(SPAN.contains(t)).isTrue());
    board
        .ticks()
        .forEach((t, zs) -> zs.forEach(z -> assertThat(SCHEDULE.windowIn(z).start()).isEqualTo(t)));
  }
}
