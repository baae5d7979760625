package org.poltwt.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.live.LiveFixtures.FIFTH;
import static org.poltwt.live.LiveFixtures.post;
import static org.poltwt.live.LiveFixtures.verified;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Edition;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;
import org.poltwt.test.Editions;

class LiveBoardTest {
  private static final ZoneId MADRID = ZoneId.of("Europe/Madrid");
  private static final ZoneId KIRITIMATI = ZoneId.of("Pacific/Kiritimati");

  private final Registration madrid = verified(1, MADRID);
  private final Registration line = verified(2, KIRITIMATI);
  private final LiveBoard board =
      LiveBoard.builder().edition(FIFTH).registrations(List.of(madrid, line)).build();
  private final Window span = board.schedule().globalSpan();
  private final Window madridWindow = board.schedule().windowIn(MADRID);

  @Test
  void beforeTheEditionCountsDownToTheFirstZone() {
    Instant at = span.start().minus(Duration.ofHours(3));

    BoardState s = board.stateAt(at, board.newTally());

    assertThat(s.phase()).isEqualTo(Phase.BEFORE);
    assertThat(s.countdown()).isEqualTo(Duration.ofHours(3));
    assertThat(s.firstZones()).contains(KIRITIMATI);
    assertThat(s.zonesLive()).isZero();
    assertThat(s.band()).isEmpty();
    assertThat(s.participantsLive()).isZero();
    assertThat(s.participants()).isEqualTo(2);
    assertThat(s.compliantShare()).isEmpty();
  }

  @Test
  void theBandFollowsStandardOffsetsSoAZoneOnSummerTimeIsShadedWhereItsPlacesAre() {
    // January: New Zealand keeps summer time, +13; its standard +12 is where Auckland lies.
    Edition january =
        Edition.builder()
            .number(9)
            .date(LocalDate.of(2027, 1, 15))
            .localStart(LocalTime.of(8, 0))
            .build();
    LiveBoard b = LiveBoard.builder().edition(january).registrations(List.of()).build();
    ZoneId auckland = ZoneId.of("Pacific/Auckland");
    Instant opens = b.schedule().windowIn(auckland).start();

    BoardState s = b.stateAt(opens, b.newTally());

    assertThat(auckland.getRules().getOffset(opens)).isEqualTo(ZoneOffset.ofHours(13));
    assertThat(s.band()).isPresent();
    assertThat(s.band().get().west()).isEqualTo(ZoneOffset.ofHours(12));
    assertThat(s.band().get().east()).isEqualTo(ZoneOffset.ofHours(14));
  }

  @Test
  void theSpanStartsLiveAndEndsOver() {
    BoardState first = board.stateAt(span.start(), board.newTally());
    assertThat(first.phase()).isEqualTo(Phase.LIVE);
    assertThat(first.countdown()).isZero();
    assertThat(first.participantZonesLive()).containsExactly(KIRITIMATI);
    assertThat(first.band()).contains(new LiveBand(ZoneOffset.ofHours(14), ZoneOffset.ofHours(14)));

    BoardState last = board.stateAt(span.end(), board.newTally());
    assertThat(last.phase()).isEqualTo(Phase.AFTER);
    assertThat(last.zonesLive()).isZero();
    assertThat(last.band()).isEmpty();
    assertThat(last.participantsLive()).isZero();
  }

  @Test
  void aMarkerIsLitFromItsWindowsStartAndDarkAtItsEnd() {
    PostTally tally = board.newTally();
    assertThat(board.stateAt(madridWindow.start().minusNanos(1), tally).participantZonesLive())
        .doesNotContain(MADRID);
    assertThat(board.stateAt(madridWindow.start(), tally).participantZonesLive()).contains(MADRID);
    assertThat(board.stateAt(madridWindow.end().minusNanos(1), tally).participantZonesLive())
        .contains(MADRID);
    assertThat(board.stateAt(madridWindow.end(), tally).participantZonesLive())
        .doesNotContain(MADRID);
  }

  @Test
  void theLastMinuteIncludesItsStartAndExcludesTheInstantAskedAbout() {
    Instant at = madridWindow.start().plus(Duration.ofHours(2));
    PostTally tally = board.newTally();
    tally.add(post(10, 1001, at.minus(Duration.ofMinutes(1))));
    tally.add(post(11, 1001, at.minusNanos(1)));
    tally.add(post(12, 1001, at));
    tally.add(post(13, 1001, at.minus(Duration.ofMinutes(1)).minusNanos(1)));

    BoardState s = board.stateAt(at, tally);

    assertThat(s.postsLastMinute()).isEqualTo(2);
    assertThat(s.postsTotal()).isEqualTo(4);
  }

  @Test
  void postsByUnregisteredAuthorsAreCountedButNotShownUnlessAllowed() {
    Instant at = madridWindow.start().plus(Duration.ofHours(1));
    PostTally tally = board.newTally();
    assertThat(tally.add(post(20, 1001, at.minusSeconds(5)))).isPresent();
    assertThat(tally.add(post(21, 99, at.minusSeconds(4)))).isEmpty();

    BoardState s = board.stateAt(at, tally);

    assertThat(s.postsTotal()).isEqualTo(2);
    assertThat(s.postsHidden()).isEqualTo(1);
    assertThat(s.postsCompliant()).isEqualTo(1);
    assertThat(s.compliantShare()).hasValue(0.5);
    assertThat(s.latest()).extracting(LivePost::id).containsExactly("20");
    assertThat(s.latest().get(0).link()).isEqualTo("https://x.com/author1001/status/20");

    LiveBoard open =
        LiveBoard.builder()
            .edition(FIFTH)
            .registrations(List.of(madrid))
            .showUnregistered(true)
            .build();
    PostTally all = open.newTally();
    all.add(post(20, 1001, at.minusSeconds(5)));
    all.add(post(21, 99, at.minusSeconds(4)));
    BoardState shown = open.stateAt(at, all);
    assertThat(shown.latest()).extracting(LivePost::id).containsExactly("21", "20");
    assertThat(shown.latest().get(0).registered()).isFalse();
    assertThat(shown.postsHidden()).isZero();
  }

  @Test
  void theStripKeepsTheLatestPostsNewestFirst() {
    LiveBoard small =
        LiveBoard.builder().edition(FIFTH).registrations(List.of(madrid)).latest(2).build();
    PostTally tally = small.newTally();
    Instant at = madridWindow.start();
    for (int i = 1; i <= 5; i++) {
      tally.add(post(i, 1001, at.plusSeconds(i)));
    }

    assertThat(small.stateAt(at.plusSeconds(10), tally).latest())
        .extracting(LivePost::id)
        .containsExactly("5", "4");
  }

  @Test
  void aPostArrivingLateTakesItsPlaceInTheStripByIdAndOneOlderThanAFullStripIsOnlyCounted() {
    LiveBoard small =
        LiveBoard.builder().edition(FIFTH).registrations(List.of(madrid)).latest(3).build();
    PostTally tally = small.newTally();
    Instant at = madridWindow.start();
    // A harvest's second page (older posts) is stored after its first.
    for (int i : new int[] {9, 10, 11, 7, 8}) {
      tally.add(post(i, 1001, at.plusSeconds(i)));
    }
    assertThat(tally.add(post(2, 1001, at.plusSeconds(2)))).isEmpty();

    BoardState s = small.stateAt(at.plusSeconds(20), tally);
    assertThat(s.latest()).extracting(LivePost::id).containsExactly("11", "10", "9");
    assertThat(s.postsTotal()).isEqualTo(6);
    assertThat(tally.add(post(12, 1001, at.plusSeconds(12)))).isPresent();
  }

  @Test
  void aTallyAnswersOnlyForInstantsMovingForward() {
    PostTally tally = board.newTally();
    Instant at = madridWindow.start();
    board.stateAt(at, tally);

    assertThat(board.stateAt(at.minusSeconds(60), tally).postsLastMinute()).isZero();
    assertThatThrownBy(() -> board.stateAt(at.minusSeconds(61), tally))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("at:");
    PostTally other =
        LiveBoard.builder().edition(FIFTH).registrations(List.of()).build().newTally();
    assertThatThrownBy(() -> board.stateAt(at, other))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("tally:");
  }

  @Test
  void onlyTheEditionsVerifiedRegistrationsTakePart() {
    Registration pending =
        madrid.toBuilder()
            .status(org.poltwt.registration.RegistrationStatus.PENDING_VERIFICATION)
            .build();
    Registration sixth = verified(3, MADRID).toBuilder().edition(6).build();

    LiveBoard b =
        LiveBoard.builder().edition(FIFTH).registrations(List.of(pending, sixth, line)).build();

    assertThat(b.participants().size()).isEqualTo(1);
  }

  @Test
  void anEditionWithoutADateHasNoBoard() {
    assertThatThrownBy(() -> LiveBoard.builder().edition(Editions.dateTbd(7)))
        .isInstanceOf(InvalidEditionException.class);
    assertThatThrownBy(() -> LiveBoard.builder().build()).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> LiveBoard.builder().latest(0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aStateRefusesCountsThatDisagree() {
    assertThatThrownBy(
            () ->
                new BoardState(
                    span.start(),
                    Phase.BEFORE,
                    span,
                    Duration.ZERO,
                    List.of(),
                    0,
                    java.util.Optional.empty(),
                    0,
                    0,
                    java.util.Set.of(),
                    0,
                    0,
                    0,
                    0,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("phase:");
    assertThatThrownBy(
            () ->
                new BoardState(
                    span.end(),
                    Phase.AFTER,
                    span,
                    Duration.ZERO,
                    List.of(),
                    0,
                    java.util.Optional.empty(),
                    0,
                    0,
                    java.util.Set.of(),
                    1,
                    0,
                    2,
                    0,
                    List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("postsTotal:");
  }
}
