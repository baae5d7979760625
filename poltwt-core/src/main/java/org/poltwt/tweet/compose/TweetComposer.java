package org.poltwt.tweet.compose;

import static java.util.Objects.requireNonNull;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.internal.text.TagFold;
import org.poltwt.tweet.Hashtags;
import org.poltwt.tweet.TweetLength;

/**
 * Builds tweets for an edition's three participation models: a {@linkplain
 * #callForService(CallForService) call for service}, a {@linkplain #topic(String) topic post} and a
 * {@linkplain #beat(String) beat post}.
 *
 * <pre>{@code
 * TweetComposer composer = TweetComposer.forEdition(edition);
 * composer.callForService(CallForService.of("Burglary report", LocalTime.of(21, 14),
 *     "1234 Main St", "Officers took a report"));
 * // "21:14 Burglary report, 1200 block of Main St. Officers took a report. #PolTwt"
 * composer.withTheme().topic("Meet your neighbourhood team at the library today");
 * // "Meet your neighbourhood team at the library today #PolTwt #TimeToUnify"
 * }</pre>
 *
 * <p>Every tweet it returns carries the edition's hashtag as Twitter reads it ({@link
 * Hashtags#carries(String, String)}), and the theme hashtags when asked, and weighs at most {@value
 * TweetLength#MAX_WEIGHTED_LENGTH} ({@link TweetLength#weighted(String)}):
 *
 * <ul>
 *   <li>a hashtag is appended, after a space, only if the text does not already carry it (in any
 *       case, or full-width {@code ＃}); {@code #PolTwt2015} or {@code x#PolTwt} do not count;
 *   <li>text that is too long is shortened at the last word boundary that fits (between any two
 *       characters instead when a very long word would lose more than a quarter of the room) and
 *       ends with an ellipsis ({@code …}, U+2026); a URL, hashtag, mention or cashtag is kept whole
 *       or dropped whole, an emoji sequence, surrogate pair or letter with its combining marks is
 *       never split, and shortening never makes a hashtag or URL of what was none. A hashtag
 *       dropped with the shortened part is appended again;
 *   <li>text is normalised first: runs of spaces become one space, control characters become
 *       spaces, and unpaired surrogates, noncharacters and byte-order marks are dropped.
 * </ul>
 *
 * <p>Personal data is removed by its shape before composing:
 *
 * <ul>
 *   <li>a call for service is about members of the public, so every text field (type, location,
 *       outcome) loses email addresses, phone numbers, licence plates and names introduced by a cue
 *       ({@code Mr}, {@code Dr}, {@code suspect}, {@code victim}, {@code driver}, {@code named},
 *       ...), and street addresses become their hundred block ({@code 1234 Main St} → {@code 1200
 *       block of Main St}; house numbers under 100 → {@code unit block of Main St});
 *   <li>a beat post is the officer's own words from the street: it loses email addresses, phone
 *       numbers and licence plates, but keeps names (colleagues, public figures) and addresses
 *       (public places);
 *   <li>a topic post is the officer's or agency's own words: it loses email addresses and phone
 *       numbers only. Short numbers ({@code 911}, {@code 101}) are kept; agencies should link their
 *       contact page rather than give a full phone number or an address.
 * </ul>
 *
 * <p>Redaction recognises shapes and cues; it cannot recognise a name nobody introduced. It removes
 * rather than rewrites, so a sentence may read a little short afterwards.
 *
 * <p>Immutable and thread-safe.
 */
public final class TweetComposer {
  /** The {@link InvalidInputException#code()} of input that cannot become a tweet. */
  public static final String INVALID = "tweet.compose.invalid";

  private static final DateTimeFormatter HOURS_MINUTES =
      DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

  private final Edition edition;
  private final List<String> tags;

  private TweetComposer(Edition edition, List<String> tags) {
    this.edition = edition;
    this.tags = List.copyOf(tags);
  }

  /**
   * Creates a composer for an edition's tweets; they will carry its hashtag.
   *
   * @param edition the edition
   * @return a composer that tags no theme
   * @throws NullPointerException if {@code edition} is null
   */
  public static TweetComposer forEdition(Edition edition) {
    requireNonNull(edition, "edition");
    return new TweetComposer(edition, List.of(edition.hashtag()));
  }

  /**
   * Returns a composer whose tweets also carry every theme hashtag of the edition (usually one,
   * such as {@code #TimeToUnify}), for tweets that serve the theme.
   *
   * @return a composer tagging the event hashtag and all the edition's themes
   * @throws IllegalStateException if the edition has no theme
   * @throws InvalidInputException (code {@value #INVALID}, field {@code themes}) if the hashtags
   *     together leave no room for any text
   */
  public TweetComposer withTheme() {
    if (edition.themes().isEmpty()) {
      throw new IllegalStateException("edition " + edition.number() + " has no theme");
    }
    List<String> all = new ArrayList<>();
    all.add(edition.hashtag());
    all.addAll(edition.themes());
    return checked(all);
  }

  /**
   * Returns a composer whose tweets also carry one of the edition's theme hashtags, replacing any
   * theme chosen before.
   *
   * @param theme one of the edition's themes, with or without {@code #}, in any case
   * @return a composer tagging the event hashtag and that theme, spelt as the edition spells it
   * @throws NullPointerException if {@code theme} is null
   * @throws IllegalArgumentException if {@code theme} is not one of the edition's themes
   * @throws InvalidInputException (code {@value #INVALID}, field {@code themes}) if the hashtags
   *     together leave no room for any text
   */
  public TweetComposer withTheme(String theme) {
    requireNonNull(theme, "theme");
    String wanted =
        theme.startsWith("#") || theme.startsWith("\uFF03") ? theme.substring(1) : theme;
    for (String t : edition.themes()) {
      if (TagFold.key(t).equals(TagFold.key(wanted))) {
        return checked(List.of(edition.hashtag(), t));
      }
    }
    throw new IllegalArgumentException("theme: not a theme of edition " + edition.number());
  }

  private TweetComposer checked(List<String> all) {
    String line = TweetFit.tagged("", all);
    if (TweetLength.weighted("x " + line) > TweetLength.MAX_WEIGHTED_LENGTH) {
      throw new InvalidInputException(
          INVALID,
          "themes",
          "with the event hashtag they weigh "
              + TweetLength.weighted(line)
              + " of "
              + TweetLength.MAX_WEIGHTED_LENGTH
              + " characters and leave no room for text");
    }
    return new TweetComposer(edition, all);
  }

  /**
   * Returns the hashtags every tweet of this composer carries, without {@code #}: the event hashtag
   * first, then the themes asked for.
   *
   * @return an immutable list
   */
  public List<String> hashtags() {
    return tags;
  }

  /**
   * Composes the tweet of a call for service: {@code "HH:mm <type>, <location>. <outcome>."}
   * followed by the hashtags, after removing personal data from each field (see the class
   * description). The outcome is shortened first when the tweet is too long.
   *
   * @param call the call
   * @return the tweet text
   * @throws NullPointerException if {@code call} is null
   * @throws InvalidInputException (code {@value #INVALID}, field {@code type}) if the type holds
   *     nothing but personal data, or not even its first character fits beside the hashtags
   */
  public String callForService(CallForService call) {
    requireNonNull(call, "call");
    String type =
        redactedField(call.type())
            .orElseThrow(
                () ->
                    new InvalidInputException(INVALID, "type", "holds nothing but personal data"));
    Optional<String> location = call.location().flatMap(TweetComposer::redactedField);
    Optional<String> outcome = call.outcome().flatMap(TweetComposer::redactedField);

    StringBuilder head =
        new StringBuilder(HOURS_MINUTES.format(call.time())).append(' ').append(type);
    location.ifPresent(l -> head.append(", ").append(l));
    StringBuilder body = new StringBuilder(TextCleaning.sentence(head.toString()));
    outcome.ifPresent(o -> body.append(' ').append(TextCleaning.sentence(o)));
    return compose(body.toString(), "type");
  }

  private static Optional<String> redactedField(String field) {
    String text = TextCleaning.normalise(field, false);
    text = TextCleaning.stripTrailingSeparators(Redactor.CALL_FOR_SERVICE.redact(text));
    return TextCleaning.isBlank(text) ? Optional.empty() : Optional.of(text);
  }

  /**
   * Composes a post of the one-topic model: the officer's or agency's own words, without email
   * addresses and phone numbers, followed by the hashtags it does not carry yet.
   *
   * @param text the post, in its author's words; line breaks are kept
   * @return the tweet text
   * @throws InvalidInputException (code {@value #INVALID}, field {@code text}) if the text is null,
   *     blank, holds nothing but contact details, or not even its first character fits beside the
   *     hashtags
   */
  public String topic(String text) {
    return post(text, Redactor.TOPIC);
  }

  /**
   * Composes a post of the tweet-the-beat model: the officer's own words, without email addresses,
   * phone numbers and licence plates, followed by the hashtags it does not carry yet.
   *
   * @param text the post, in the officer's words; line breaks are kept
   * @return the tweet text
   * @throws InvalidInputException (code {@value #INVALID}, field {@code text}) if the text is null,
   *     blank, holds nothing but personal data, or not even its first character fits beside the
   *     hashtags
   */
  public String beat(String text) {
    return post(text, Redactor.BEAT);
  }

  private String post(String text, Redactor redactor) {
    if (text == null) {
      throw new InvalidInputException(INVALID, "text", "is required");
    }
    String body = TextCleaning.normalise(text, true);
    if (TextCleaning.isBlank(body)) {
      throw new InvalidInputException(INVALID, "text", "must not be blank");
    }
    body = redactor.redact(body);
    if (TextCleaning.isBlank(body)) {
      throw new InvalidInputException(INVALID, "text", "holds nothing but personal data");
    }
    return compose(body, "text");
  }

  private String compose(String body, String field) {
    String tweet = TweetFit.fit(body, tags);
    if (tweet == null) {
      throw new InvalidInputException(
          INVALID, field, "does not fit beside the hashtags, not even its first character");
    }
    for (String tag : tags) {
      if (!Hashtags.carries(tweet, tag)) {
        throw new IllegalStateException("composed a tweet without #" + tag);
      }
    }
    return tweet;
  }

  @Override
  public String toString() {
    return "TweetComposer{edition=" + edition.number() + ", hashtags=" + tags + "}";
  }
}
