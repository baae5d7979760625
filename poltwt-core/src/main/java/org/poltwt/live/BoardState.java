package org.poltwt.live;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.poltwt.event.Window;

/**
 * What the live board shows at one instant.
 *
 * @param at the instant
 * @param phase before, during or after the global span
 * @param span the edition's global span, from the first zone to open to the last to close
 * @param countdown the time until the first zone opens; zero once it has
 * @param firstZones the zones that open first, in zone-id order
 * @param zonesLive how many region zones are live
 * @param band the standard offsets (without daylight saving) of the zones live, which follow their
 *     longitudes; empty outside the span
 * @param participants how many verified registrations the board knows
 * @param participantsLive how many of them are inside their own window
 * @param participantZonesLive the zones of the registrations live, in zone-id order: their markers
 *     are lit
 * @param postsTotal the posts counted so far
 * @param postsLastMinute the posts created in the minute up to {@code at} ({@code at} excluded)
 * @param postsCompliant the posts counted that keep every rule
 * @param postsHidden the posts counted that the strip leaves out (their authors are not registered)
 * @param latest the latest posts the strip shows, newest first
 */
public record BoardState(
    Instant at,
    Phase phase,
    Window span,
    Duration countdown,
    List<ZoneId> firstZones,
    int zonesLive,
    Optional<LiveBand> band,
    int participants,
    int participantsLive,
    Set<ZoneId> participantZonesLive,
    long postsTotal,
    long postsLastMinute,
    long postsCompliant,
    long postsHidden,
    List<LivePost> latest) {
  /**
   * Validates the state: counts not negative, parts not larger than their whole, the phase and the
   * countdown agreeing with the span.
   *
   * @param at the instant
   * @param phase the phase
   * @param span the global span
   * @param countdown the time until the span starts
   * @param firstZones the zones that open first
   * @param zonesLive the zones live
   * @param band the standard offsets of the zones live
   * @param participants the registrations known
   * @param participantsLive the registrations live
   * @param participantZonesLive the zones of the registrations live
   * @param postsTotal the posts counted
   * @param postsLastMinute the posts of the last minute
   * @param postsCompliant the compliant posts
   * @param postsHidden the posts left out of the strip
   * @param latest the latest posts shown
   * @throws NullPointerException if a field is null
   * @throws IllegalArgumentException naming the field that breaks a rule
   */
  public BoardState {
    requireNonNull(at, "at");
    requireNonNull(phase, "phase");
    requireNonNull(span, "span");
    requireNonNull(countdown, "countdown");
    firstZones = List.copyOf(requireNonNull(firstZones, "firstZones"));
    requireNonNull(band, "band");
    participantZonesLive = Set.copyOf(requireNonNull(participantZonesLive, "participantZonesLive"));
    latest = List.copyOf(requireNonNull(latest, "latest"));
    Phase expected =
        at.isBefore(span.start()) ? Phase.BEFORE : span.contains(at) ? Phase.LIVE : Phase.AFTER;
    if (phase != expected) {
      throw new IllegalArgumentException(
          "phase: " + phase + " but " + at + " is " + expected + " for the span " + span);
    }
    if (!countdown.equals(
        phase == Phase.BEFORE ? Duration.between(at, span.start()) : Duration.ZERO)) {
      throw new IllegalArgumentException("countdown: must be the time until the span starts");
    }
    if (band.isPresent() != (phase == Phase.LIVE && zonesLive > 0)) {
      throw new IllegalArgumentException("band: present exactly when zones are live");
    }
    requireAtLeast("zonesLive", zonesLive, 0);
    requireAtLeast("participantsLive", participantsLive, 0);
    requireAtLeast("participants", participants, participantsLive);
    requireAtLeast("postsLastMinute", postsLastMinute, 0);
    requireAtLeast("postsCompliant", postsCompliant, 0);
    requireAtLeast("postsHidden", postsHidden, 0);
    requireAtLeast(
        "postsTotal", postsTotal, Math.max(postsLastMinute, Math.max(postsCompliant, postsHidden)));
  }

  private static void requireAtLeast(String field, long value, long least) {
    if (value < least) {
      throw new IllegalArgumentException(field + ": must be at least " + least + ", was " + value);
    }
  }

  /**
   * The share of the posts counted that keep every rule.
   *
   * @return between 0 and 1; empty before any post
   */
  public OptionalDouble compliantShare() {
    return postsTotal == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) postsCompliant / postsTotal);
  }
}
