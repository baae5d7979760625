package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.twitter.XApiFixtures.JSON;
import static org.poltwt.twitter.XApiFixtures.tweet;
import static org.poltwt.twitter.XApiFixtures.tweetId;
import static org.poltwt.twitter.XApiFixtures.user;
import static org.poltwt.twitter.XApiFixtures.write;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.archive.AgencyArchive;
import org.poltwt.archive.ArchivedPost;
import org.poltwt.archive.PostStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.test.Editions;
import org.poltwt.tweet.Tweet;

class XApiTweetLookupTest extends XApiWireMockTest {
  private static final String LOOKUP = "/2/tweets";
  private static final Instant POSTED = Instant.parse("2026-06-05T08:00:00.000Z");

  private static ObjectNode post(long n) {
    return tweet(n, 1, "Post " + n + " #PolTwt", POSTED.plusSeconds(n));
  }

  /** A deleted or protected post, as X reports it beside {@code data}. */
  private static ObjectNode missing(long n) {
    ObjectNode e = JSON.createObjectNode();
    e.put("value", tweetId(n));
    e.put("detail", "Could not find tweet with ids: [" + tweetId(n) + "].");
    e.put("title", "Not Found Error");
    e.put("resource_type", "tweet");
    e.put("parameter", "ids");
    e.put("resource_id", tweetId(n));
    e.put("type", "https://api.twitter.com/2/problems/resource-not-found");
    return e;
  }

  private static String answer(List<ObjectNode> found, List<ObjectNode> errors) {
    ObjectNode root = JSON.createObjectNode();
    if (!found.isEmpty()) {
      ArrayNode data = root.putArray("data");
      found.forEach(data::add);
      root.putObject("includes").putArray("users").add(user(1, "PoliciaMadrid"));
    }
    if (!errors.isEmpty()) {
      ArrayNode e = root.putArray("errors");
      errors.forEach(e::add);
    }
    return write(root);
  }

  private static String ids(long from, long to) {
    List<String> ids = new ArrayList<>();
    for (long n = from; n <= to; n++) {
      ids.add(tweetId(n));
    }
    return String.join(",", ids);
  }

  @Test
  void asksAHundredIdsACallWithTheFieldsAnArchiveNeeds() {
    List<ObjectNode> first = new ArrayList<>();
    for (long n = 1; n <= 100; n++) {
      first.add(post(n));
    }
    server.stubFor(
        get(urlPathEqualTo(LOOKUP))
            .withQueryParam("ids", equalTo(ids(1, 100)))
            .willReturn(okJson(answer(first, List.of()))));
    server.stubFor(
        get(urlPathEqualTo(LOOKUP))
            .withQueryParam("ids", equalTo(ids(101, 150)))
            .willReturn(okJson(answer(List.of(post(101)), List.of()))));
    List<String> asked = new ArrayList<>(Arrays.asList(ids(1, 150).split(",")));
    asked.add(tweetId(7)); // asked once

    Map<String, Tweet> found = XApiTweetLookup.of(client()).lookup(asked);

    assertThat(found).hasSize(101);
    assertThat(found.get(tweetId(7)).authorHandle()).contains(TwitterHandle.of("PoliciaMadrid"));
    List<LoggedRequest> calls = server.findAll(getRequestedFor(urlPathEqualTo(LOOKUP)));
    assertThat(calls).hasSize(2);
    LoggedRequest call = calls.get(0);
    assertThat(call.queryParameter("tweet.fields").firstValue().split(","))
        .contains(
            "edit_history_tweet_ids",
            "created_at",
            "author_id",
            "entities",
            "note_tweet",
            "referenced_tweets");
    assertThat(call.queryParameter("expansions").firstValue().split(","))
        .containsExactly("author_id", "referenced_tweets.id");
    assertThat(call.queryParameter("user.fields").firstValue()).isEqualTo("username");
  }

  @Test
  void errorsBesideDataKeepTheDataAndLeaveTheMissingOut() {
    ObjectNode edited = post(2);
    edited.putArray("edit_history_tweet_ids").add(tweetId(2)).add(tweetId(9));
    server.stubFor(
        get(urlPathEqualTo(LOOKUP))
            .willReturn(okJson(answer(List.of(post(1), edited), List.of(missing(3))))));

    Map<String, Tweet> found =
        XApiTweetLookup.of(client()).lookup(List.of(tweetId(1), tweetId(2), tweetId(3)));

    assertThat(found).containsOnlyKeys(tweetId(1), tweetId(2));
    assertThat(found.get(tweetId(2)).editHistory()).containsExactly(tweetId(2), tweetId(9));
  }

  @Test
  void anAnswerOfOnlyErrorsMeansNoneIsReturned() {
    server.stubFor(
        get(urlPathEqualTo(LOOKUP)).willReturn(okJson(answer(List.of(), List.of(missing(3))))));

    assertThat(XApiTweetLookup.of(client()).lookup(List.of(tweetId(3)))).isEmpty();
  }

  @Test
  void anArchiveCheckedAgainstTheApiMarksEditedAndMissingPosts() {
    ObjectNode edited = post(2);
    edited.putArray("edit_history_tweet_ids").add(tweetId(2)).add(tweetId(9));
    server.stubFor(
        get(urlPathEqualTo(LOOKUP))
            .willReturn(okJson(answer(List.of(post(1), edited), List.of(missing(3))))));
    TwitterHandle handle = TwitterHandle.of("PoliciaMadrid");
    List<Tweet> stored = new ArrayList<>();
    for (long n = 1; n <= 3; n++) {
      stored.add(Tweet.of(tweetId(n), "2244994946", handle, "Post " + n, POSTED.plusSeconds(n)));
    }

    AgencyArchive archive =
        AgencyArchive.checked(
            Editions.scheduled(5), handle, stored, XApiTweetLookup.of(client()), clock);

    assertThat(archive.posts())
        .extracting(ArchivedPost::status)
        .containsExactly(
            PostStatus.CURRENT, PostStatus.EDITED_LATER, PostStatus.NO_LONGER_RETURNED);
    assertThat(archive.posts().get(1).latestVersionId()).contains(tweetId(9));
    assertThat(archive.capturedAt()).isEqualTo(NOW);
  }

  @Test
  void refusesIdsThatAreNotNumeric() {
    XApiTweetLookup lookup = XApiTweetLookup.of(client());

    assertThatThrownBy(() -> lookup.lookup(List.of("12", "12,13")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aBodyWithNeitherDataNorErrorsIsMalformed() {
    server.stubFor(
        get(urlPathEqualTo(LOOKUP))
            .withMetadata(outsideSpec("an answer with neither data nor errors"))
            .willReturn(okJson("{\"meta\":{}}")));

    assertThatThrownBy(() -> XApiTweetLookup.of(client()).lookup(List.of(tweetId(1))))
        .isInstanceOf(XApiException.class)
        .extracting(e -> ((XApiException) e).reason())
        .isEqualTo(XApiException.Reason.MALFORMED_RESPONSE);
  }
}
