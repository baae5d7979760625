package com.example.poltwt;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.compliance.ComplianceResult;
import org.poltwt.compliance.ComplianceSummary;
import org.poltwt.compliance.Violation;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.tweet.io.TweetReader;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Checks tweets as the X API v2 gives them (a response page, pages one per line, or an array) for
 * the edition's rules: the hashtag, each author's own window, a verified registration, the length.
 */
@RestController
class ComplianceController {
  /** How many non-compliant tweets the answer lists; the counts cover them all. */
  static final int MAX_LISTED = 100;

  private final EditionStore editions;
  private final RegistrationStore registrations;
  private final int edition;

  ComplianceController(
      EditionStore editions, RegistrationStore registrations, ExampleProperties properties) {
    this.editions = editions;
    this.registrations = registrations;
    this.edition = properties.edition().number();
  }

  /**
   * Checks the tweets of the body, read as it arrives.
   *
   * @param body X API v2 JSON
   * @return the counts and the first {@value #MAX_LISTED} non-compliant tweets' ids and rules
   *     broken; 400 naming the line and field of malformed input
   */
  @PostMapping("/api/compliance")
  ComplianceAnswer check(InputStream body) {
    Edition current = editions.find(edition).orElseThrow();
    // Built per request: the checker reads the verified registrations once, when it is built.
    ComplianceChecker checker =
        ComplianceChecker.builder().edition(current).registrations(registrations).build();
    ComplianceSummary summary = new ComplianceSummary();
    List<NonCompliant> listed = new ArrayList<>();
    try (TweetReader reader = TweetReader.of(body);
        Stream<ComplianceResult> results = checker.checkAll(reader.stream(), summary)) {
      results.forEachOrdered(
          r -> {
            if (!r.compliant() && listed.size() < MAX_LISTED) {
              listed.add(
                  new NonCompliant(
                      r.tweetId(), r.violations().stream().map(v -> v.code().name()).toList()));
            }
          });
    }
    Map<String, Long> violations = new TreeMap<>();
    summary.violationCounts().forEach((code, n) -> violations.put(code.name(), n));
    Map<String, Long> tags = new TreeMap<>();
    summary.tagCounts().forEach((tag, n) -> tags.put(tag.name(), n));
    return new ComplianceAnswer(
        edition,
        summary.checked(),
        summary.compliant(),
        summary.nonCompliant(),
        violations,
        tags,
        listed);
  }

  /**
   * The answer.
   *
   * @param edition the edition checked against
   * @param checked how many tweets were read
   * @param compliant how many broke no rule
   * @param nonCompliant how many broke one or more
   * @param violations per {@link Violation.Code}, how many tweets broke it
   * @param tags per tag, such as {@code RETWEET}, how many tweets have it
   * @param nonCompliantTweets the first non-compliant tweets
   */
  record ComplianceAnswer(
      int edition,
      long checked,
      long compliant,
      long nonCompliant,
      Map<String, Long> violations,
      Map<String, Long> tags,
      List<NonCompliant> nonCompliantTweets) {}

  /**
   * A non-compliant tweet.
   *
   * @param tweetId its id
   * @param violations the codes of the rules it broke
   */
  record NonCompliant(String tweetId, List<String> violations) {}
}
