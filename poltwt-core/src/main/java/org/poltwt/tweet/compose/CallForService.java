package org.poltwt.tweet.compose;

import static java.util.Objects.requireNonNull;

import java.time.LocalTime;
import java.util.Optional;
import org.poltwt.InvalidInputException;

/**
 * One call for service, as a participant in the {@code CALLS_FOR_SERVICE} model tweets it: what it
 * was, when, where, and how it ended. {@link TweetComposer#callForService(CallForService)} turns it
 * into a tweet such as {@code "21:14 Burglary report, 1200 block of Main St. Officers took a
 * report. #PolTwt"}, removing personal data from every text field first.
 *
 * <p>The fields are free text as a dispatcher or officer writes them and may hold personal data, so
 * {@link #toString()} shows only the time and which fields are present.
 *
 * @param type what the call was about, for example {@code "Burglary report"}
 * @param time the local time of the call; tweeted as hours and minutes
 * @param location where it was, for example {@code "1234 Main St"}; empty when not told
 * @param outcome how it ended, for example {@code "Officers took a report"}; empty when not told
 */
public record CallForService(
    String type, LocalTime time, Optional<String> location, Optional<String> outcome) {

  /** The {@link InvalidInputException#code()} of a malformed call for service. */
  public static final String INVALID = "callForService.invalid";

  /**
   * Validates the call.
   *
   * @param type what the call was about: required, not blank
   * @param time the local time of the call: required
   * @param location where it was; when present, not blank
   * @param outcome how it ended; when present, not blank
   * @throws InvalidInputException (code {@value #INVALID}) naming the field that is missing or
   *     blank
   * @throws NullPointerException if {@code location} or {@code outcome} is null rather than empty
   */
  public CallForService {
    if (type == null) {
      throw new InvalidInputException(INVALID, "type", "is required");
    }
    if (TextCleaning.isBlank(type)) {
      throw new InvalidInputException(INVALID, "type", "must not be blank");
    }
    if (time == null) {
      throw new InvalidInputException(INVALID, "time", "is required");
    }
    requireNonNull(location, "location");
    requireNonNull(outcome, "outcome");
    if (location.isPresent() && TextCleaning.isBlank(location.get())) {
      throw new InvalidInputException(INVALID, "location", "must not be blank when present");
    }
    if (outcome.isPresent() && TextCleaning.isBlank(outcome.get())) {
      throw new InvalidInputException(INVALID, "outcome", "must not be blank when present");
    }
  }

  /**
   * Creates a call from form fields, where an empty location or outcome means "not told".
   *
   * @param type what the call was about: required, not blank
   * @param time the local time of the call: required
   * @param location where it was; may be null or blank when not told
   * @param outcome how it ended; may be null or blank when not told
   * @return the call
   * @throws InvalidInputException (code {@value #INVALID}) if {@code type} or {@code time} is
   *     missing, or {@code type} is blank
   */
  public static CallForService of(String type, LocalTime time, String location, String outcome) {
    return new CallForService(type, time, present(location), present(outcome));
  }

  private static Optional<String> present(String field) {
    return field == null || TextCleaning.isBlank(field) ? Optional.empty() : Optional.of(field);
  }

  /**
   * Describes the call without its free text, which may hold personal data.
   *
   * @return the time and which of location and outcome are present
   */
  @Override
  public String toString() {
    return "CallForService[time="
        + time
        + ", location="
        + (location.isPresent() ? "present" : "absent")
        + ", outcome="
        + (outcome.isPresent() ? "present" : "absent")
        + "]";
  }
}
