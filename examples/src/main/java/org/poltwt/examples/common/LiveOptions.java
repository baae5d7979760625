package org.poltwt.examples.common;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The live board's settings.
 *
 * @param replay a JSON Lines file of a past edition's tweets to play into the tweet store on the
 *     schedule's clock, sped up; empty for none
 * @param demoReplay whether to replay the demo tweets the site wrote under the data directory for
 *     the current edition, when no {@code replay} file is given (the {@code serve} command turns it
 *     on for the demo data without an X token)
 * @param speed how many seconds of the edition a second of replay plays, 1 to 3,600
 * @param showUnregistered whether the board's strip shows posts by authors who are not registered
 *     (they are counted either way)
 */
public record LiveOptions(
    Optional<Path> replay, boolean demoReplay, int speed, boolean showUnregistered) {
  /** The environment variable naming a replay file. */
  public static final String REPLAY = "POLTWT_REPLAY";

  /** The environment variable of the replay's speed. */
  public static final String REPLAY_SPEED = "POLTWT_REPLAY_SPEED";

  /** The environment variable that lets the strip show unregistered authors' posts. */
  public static final String SHOW_UNREGISTERED = "POLTWT_LIVE_SHOW_UNREGISTERED";

  /**
   * Validates the settings.
   *
   * @param replay the replay file
   * @param demoReplay whether to replay the demo tweets
   * @param speed the replay's speed
   * @param showUnregistered whether the strip shows unregistered authors
   * @throws IllegalArgumentException if {@code speed} is out of range (the message names {@value
   *     #REPLAY_SPEED})
   */
  public LiveOptions {
    requireNonNull(replay, "replay");
    if (speed < 1 || speed > 3_600) {
      throw new IllegalArgumentException(REPLAY_SPEED + ": must be 1 to 3600, was " + speed);
    }
  }

  /**
   * No replay, speed 60, registered authors only.
   *
   * @return the defaults
   */
  public static LiveOptions defaults() {
    return new LiveOptions(Optional.empty(), false, 60, false);
  }

  /**
   * Reads {@value #REPLAY}, {@value #REPLAY_SPEED} and {@value #SHOW_UNREGISTERED}, each optional.
   *
   * @param env the variables
   * @return the settings
   * @throws IllegalArgumentException if a value is malformed (the message names the variable)
   */
  public static LiveOptions fromEnvironment(Map<String, String> env) {
    LiveOptions o = defaults();
    String file = env.getOrDefault(REPLAY, "").strip();
    String speed = env.getOrDefault(REPLAY_SPEED, "").strip();
    String show = env.getOrDefault(SHOW_UNREGISTERED, "").strip().toLowerCase(Locale.ROOT);
    int s = o.speed();
    if (!speed.isEmpty()) {
      try {
        s = Integer.parseInt(speed);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(REPLAY_SPEED + ": must be a whole number");
      }
    }
    if (!show.isEmpty() && !show.equals("true") && !show.equals("false")) {
      throw new IllegalArgumentException(SHOW_UNREGISTERED + ": must be true or false");
    }
    return new LiveOptions(
        file.isEmpty() ? Optional.empty() : Optional.of(Path.of(file)),
        false,
        s,
        show.equals("true"));
  }

  /**
   * The same settings with another replay file.
   *
   * @param file the file
   * @return new settings
   */
  public LiveOptions withReplay(Path file) {
    return new LiveOptions(Optional.of(file), demoReplay, speed, showUnregistered);
  }

  /**
   * The same settings with another speed.
   *
   * @param secondsPerSecond 1 to 3,600
   * @return new settings
   */
  public LiveOptions withSpeed(int secondsPerSecond) {
    return new LiveOptions(replay, demoReplay, secondsPerSecond, showUnregistered);
  }

  /**
   * The same settings, replaying the demo tweets or not.
   *
   * @param on whether to
   * @return new settings
   */
  public LiveOptions withDemoReplay(boolean on) {
    return new LiveOptions(replay, on, speed, showUnregistered);
  }
}
