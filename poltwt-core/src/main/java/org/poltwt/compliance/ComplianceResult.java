package org.poltwt.compliance;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.poltwt.InvalidInputException;
import org.poltwt.internal.TweetIds;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.tweet.Tweet;

/**
 * The outcome of checking one tweet: the rules it breaks and the facts the wrap-up counts.
 *
 * <p>Holds the tweet's id and author, never its text, so results can be logged and exported without
 * personal data.
 *
 * @param tweetId the tweet's id
 * @param authorId the author's account id
 * @param authorHandle the author's handle, when the tweet had it
 * @param violations the rules broken, in {@link Violation.Code} order, at most one per code
 * @param tags the facts about the tweet, such as {@link ComplianceTag#RETWEET}
 */
public record ComplianceResult(
    String tweetId,
    String authorId,
    Optional<TwitterHandle> authorHandle,
    List<Violation> violations,
    Set<ComplianceTag> tags) {

  /**
   * Validates the result. Immutable lists and sets given here are kept, not copied.
   *
   * @param tweetId the tweet's numeric id
   * @param authorId the author's numeric id
   * @param authorHandle the author's handle
   * @param violations the rules broken, in code order, each code at most once
   * @param tags the facts about the tweet
   * @throws InvalidInputException (code {@value Tweet#INVALID}) if an id is missing or malformed
   * @throws NullPointerException if another argument is null or holds null
   * @throws IllegalArgumentException if the violations are out of code order or repeat a code
   */
  public ComplianceResult {
    TweetIds.require("tweetId", tweetId);
    TweetIds.require("authorId", authorId);
    requireNonNull(authorHandle, "authorHandle");
    violations = List.copyOf(requireNonNull(violations, "violations"));
    tags = Set.copyOf(requireNonNull(tags, "tags"));
    for (int i = 1; i < violations.size(); i++) {
      if (violations.get(i - 1).code().compareTo(violations.get(i).code()) >= 0) {
        throw new IllegalArgumentException(
            "violations: must be in code order, each code at most once");
      }
    }
  }

  /**
   * Whether the tweet breaks no rule.
   *
   * @return true if {@link #violations()} is empty
   */
  public boolean compliant() {
    return violations.isEmpty();
  }

  /**
   * Whether the tweet breaks a rule.
   *
   * @param code the rule
   * @return true if one of the violations has that code
   */
  public boolean has(Violation.Code code) {
    requireNonNull(code, "code");
    for (int i = 0; i < violations.size(); i++) {
      if (violations.get(i).code() == code) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether the tweet has a tag.
   *
   * @param tag the tag
   * @return true if {@link #tags()} contains it
   */
  public boolean has(ComplianceTag tag) {
    requireNonNull(tag, "tag");
    return tags.contains(tag);
  }
}
