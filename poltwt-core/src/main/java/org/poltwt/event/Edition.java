package org.poltwt.event;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.poltwt.internal.text.HashtagChars;
import org.poltwt.internal.text.TagFold;

/**
 * One edition of the Global Police Tweet-a-thon: its number, its hashtag, optional theme hashtags,
 * its status, its date when known, the local time every zone starts, and how windows close.
 *
 * <p>Immutable; build one with {@link #builder()}:
 *
 * <pre>{@code
 * Edition fifth = Edition.builder()
 *     .number(5)
 *     .date(LocalDate.of(2015, 6, 5))
 *     .localStart(LocalTime.of(8, 0))
 *     .themes("TimeToUnify")
 *     .build();
 * }</pre>
 *
 * <p>Each setter rejects a bad value at once with an {@link InvalidEditionException} naming the
 * field; {@link Builder#build()} checks the rules across fields (a date is required for a scheduled
 * or completed edition, absent while it is {@link EditionStatus#DATE_TBD}, and optional for a
 * cancelled one, which may have been cancelled before it had a date).
 */
public final class Edition {
  /** The event's hashtag, without the {@code #}, as organisers write it. */
  public static final String DEFAULT_HASHTAG = "PolTwt";

  private final int number;
  private final String hashtag;
  private final List<String> themes;
  private final EditionStatus status;
  private final LocalDate date;
  private final LocalTime localStart;
  private final WindowPolicy windowPolicy;

  private Edition(Builder b) {
    this.number = b.number;
    this.hashtag = b.hashtag;
    this.themes = List.copyOf(b.themes);
    this.status = b.status;
    this.date = b.date;
    this.localStart = b.localStart;
    this.windowPolicy = b.windowPolicy;
  }

  /**
   * Starts building an edition. Only {@link Builder#number(int)} and, for a scheduled edition,
   * {@link Builder#date(LocalDate)} have no default.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts a builder holding this edition's values, to derive a changed copy (a new date, a new
   * status).
   *
   * @return a new builder initialised from this edition
   */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.number = number;
    b.hashtag = hashtag;
    b.themes = new ArrayList<>(themes);
    b.status = status;
    b.date = date;
    b.localStart = localStart;
    b.windowPolicy = windowPolicy;
    return b;
  }

  /**
   * Returns the edition's ordinal number; the first edition (March 2013) is 1.
   *
   * @return the number, at least 1
   */
  public int number() {
    return number;
  }

  /**
   * Returns the event hashtag every tweet must carry, without the {@code #}, in the case it was
   * given. Tweets match it case-insensitively.
   *
   * @return the hashtag, for example {@code "PolTwt"}
   */
  public String hashtag() {
    return hashtag;
  }

  /**
   * Returns the edition's theme hashtags, without the {@code #}, in the order given.
   *
   * @return an immutable list, empty when the edition has no theme
   */
  public List<String> themes() {
    return themes;
  }

  /**
   * Returns where the edition stands.
   *
   * @return the status
   */
  public EditionStatus status() {
    return status;
  }

  /**
   * Returns the edition's date, the local day every zone's window opens on.
   *
   * @return the date, or empty while the date is to be decided
   */
  public Optional<LocalDate> date() {
    return Optional.ofNullable(date);
  }

  /**
   * Returns the local time each zone's window opens at.
   *
   * @return the start time, 00:00 unless set (early editions used 08:00)
   */
  public LocalTime localStart() {
    return localStart;
  }

  /**
   * Returns how each zone's window closes.
   *
   * @return the policy
   */
  public WindowPolicy windowPolicy() {
    return windowPolicy;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Edition)) {
      return false;
    }
    Edition e = (Edition) o;
    return number == e.number
        && hashtag.equals(e.hashtag)
        && themes.equals(e.themes)
        && status == e.status
        && Objects.equals(date, e.date)
        && localStart.equals(e.localStart)
        && windowPolicy == e.windowPolicy;
  }

  @Override
  public int hashCode() {
    return Objects.hash(number, hashtag, themes, status, date, localStart, windowPolicy);
  }

  @Override
  public String toString() {
    return "Edition{number="
        + number
        + ", hashtag=#"
        + hashtag
        + ", themes="
        + themes
        + ", status="
        + status
        + ", date="
        + (date == null ? "TBD" : date)
        + ", localStart="
        + localStart
        + ", windowPolicy="
        + windowPolicy
        + "}";
  }

  /** Builds an {@link Edition}, validating each value as it is set. Not thread-safe. */
  public static final class Builder {
    private int number;
    private String hashtag = DEFAULT_HASHTAG;
    private List<String> themes = new ArrayList<>();
    private EditionStatus status = EditionStatus.SCHEDULED;
    private LocalDate date;
    private LocalTime localStart = LocalTime.MIDNIGHT;
    private WindowPolicy windowPolicy = WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY;

    private Builder() {}

    /**
     * Sets the edition's ordinal number.
     *
     * @param number at least 1
     * @return this builder
     * @throws InvalidEditionException if {@code number < 1}
     */
    public Builder number(int number) {
      if (number < 1) {
        throw new InvalidEditionException("number", "must be at least 1 (was " + number + ")");
      }
      this.number = number;
      return this;
    }

    /**
     * Sets the event hashtag. A leading {@code #} (or full-width {@code ＃}) is dropped.
     *
     * @param hashtag a tag a tweet can carry: letters, digits and underscores, at least one letter
     * @return this builder
     * @throws InvalidEditionException if the tag is null, empty or not a valid hashtag
     */
    public Builder hashtag(String hashtag) {
      this.hashtag = checkTag("hashtag", hashtag);
      return this;
    }

    /**
     * Sets the theme hashtags, replacing any set before. Leading {@code #} signs are dropped.
     *
     * @param themes zero or more tags, distinct from each other and from the event hashtag
     *     (compared case-insensitively)
     * @return this builder
     * @throws InvalidEditionException if a tag is invalid or repeated
     */
    public Builder themes(String... themes) {
      if (themes == null) {
        throw new InvalidEditionException("themes", "must not be null");
      }
      List<String> checked = new ArrayList<>(themes.length);
      for (int i = 0; i < themes.length; i++) {
        String tag = checkTag("themes[" + i + "]", themes[i]);
        for (String seen : checked) {
          if (fold(seen).equals(fold(tag))) {
            throw new InvalidEditionException("themes[" + i + "]", "repeats the theme #" + seen);
          }
        }
        checked.add(tag);
      }
      this.themes = checked;
      return this;
    }

    /**
     * Sets the status.
     *
     * @param status the status, {@link EditionStatus#SCHEDULED} unless set
     * @return this builder
     * @throws InvalidEditionException if {@code status} is null
     */
    public Builder status(EditionStatus status) {
      if (status == null) {
        throw new InvalidEditionException("status", "must not be null");
      }
      this.status = status;
      return this;
    }

    /**
     * Sets the date, or clears it with {@code null} (for an edition whose date is to be decided).
     *
     * @param date the local day every zone's window opens on; may be null
     * @return this builder
     */
    public Builder date(LocalDate date) {
      this.date = date;
      return this;
    }

    /**
     * Sets the local time each zone's window opens at.
     *
     * @param localStart the start time, 00:00 unless set
     * @return this builder
     * @throws InvalidEditionException if {@code localStart} is null
     */
    public Builder localStart(LocalTime localStart) {
      if (localStart == null) {
        throw new InvalidEditionException("localStart", "must not be null");
      }
      this.localStart = localStart;
      return this;
    }

    /**
     * Sets how windows close.
     *
     * @param windowPolicy the policy, {@link WindowPolicy#SAME_LOCAL_TIME_NEXT_DAY} unless set
     * @return this builder
     * @throws InvalidEditionException if {@code windowPolicy} is null
     */
    public Builder windowPolicy(WindowPolicy windowPolicy) {
      if (windowPolicy == null) {
        throw new InvalidEditionException("windowPolicy", "must not be null");
      }
      this.windowPolicy = windowPolicy;
      return this;
    }

    /**
     * Builds the edition after checking the rules across fields.
     *
     * @return the edition
     * @throws InvalidEditionException if the number was not set, a date is missing while the status
     *     is {@link EditionStatus#SCHEDULED} or {@link EditionStatus#COMPLETED}, a date is set
     *     while the status is {@link EditionStatus#DATE_TBD}, or a theme repeats the event hashtag
     */
    public Edition build() {
      if (number < 1) {
        throw new InvalidEditionException("number", "is required");
      }
      if (status == EditionStatus.DATE_TBD && date != null) {
        throw new InvalidEditionException("date", "must not be set while the status is DATE_TBD");
      }
      // A cancelled edition may never have had a date: the 5th was postponed before any
      // cancellation.
      if ((status == EditionStatus.SCHEDULED || status == EditionStatus.COMPLETED)
          && date == null) {
        throw new InvalidEditionException("date", "is required when the status is " + status);
      }
      for (int i = 0; i < themes.size(); i++) {
        if (fold(themes.get(i)).equals(fold(hashtag))) {
          throw new InvalidEditionException(
              "themes[" + i + "]", "repeats the event hashtag #" + hashtag);
        }
      }
      return new Edition(this);
    }

    private static String checkTag(String field, String tag) {
      if (tag == null) {
        throw new InvalidEditionException(field, "must not be null");
      }
      String body = tag.strip();
      if (body.startsWith("#") || body.startsWith("\uFF03")) {
        body = body.substring(1);
      }
      String problem = HashtagChars.problemWith(body);
      if (problem != null) {
        throw new InvalidEditionException(field, problem);
      }
      return body;
    }
  }

  /** Folds a tag the way hashtags are compared everywhere in poltwt. */
  static String fold(String tag) {
    return TagFold.key(tag);
  }
}
