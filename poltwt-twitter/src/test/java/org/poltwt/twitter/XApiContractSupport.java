package org.poltwt.twitter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.poltwt.twitter.XApiFixtures.JSON;
import static org.poltwt.twitter.XApiFixtures.TIMESTAMP;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.poltwt.test.MutableClock;
import org.poltwt.tweet.Tweet;

/**
 * What the adapter's runs of poltwt-test's contracts share: the module's WireMock server (as {@link
 * XApiWireMockTest} runs it), a client on it, the spec check of every exchange, and tweets written
 * as the API writes them.
 */
final class XApiContractSupport {
  private XApiContractSupport() {}

  static void start() {
    XApiWireMockTest.startServer();
    XApiWireMockTest.server.resetAll();
  }

  static void everyExchangeFollowsTheSpec() {
    List<String> problems = new ArrayList<>();
    for (ServeEvent e : XApiWireMockTest.server.getAllServeEvents()) {
      problems.addAll(XApiWireMockTest.contractProblems(e));
    }
    assertThat(problems).isEmpty();
  }

  static XApiClient client(MutableClock clock) {
    return XApiWireMockTest.clientBuilder(clock, clock::advance).build();
  }

  /** A tweet as the API writes it in {@code data}. */
  static ObjectNode apiTweet(Tweet t) {
    ObjectNode n = JSON.createObjectNode();
    n.put("id", t.id());
    n.put("text", t.text());
    n.put("author_id", t.authorId());
    n.put("created_at", TIMESTAMP.format(t.createdAt()));
    // The API lists one version for a post never edited; the model keeps none.
    ArrayNode history = n.putArray("edit_history_tweet_ids");
    (t.editHistory().isEmpty() ? List.of(t.id()) : t.editHistory()).forEach(history::add);
    return n;
  }

  /** A page of tweets: {@code data} when there are any, their authors in {@code includes}. */
  static String page(List<Tweet> tweets, boolean withMeta) {
    ObjectNode root = JSON.createObjectNode();
    if (!tweets.isEmpty()) {
      ArrayNode data = root.putArray("data");
      Map<String, ObjectNode> users = new LinkedHashMap<>();
      for (Tweet t : tweets) {
        data.add(apiTweet(t));
        t.authorHandle()
            .ifPresent(
                h -> {
                  ObjectNode u = JSON.createObjectNode();
                  u.put("id", t.authorId());
                  u.put("name", h.value());
                  u.put("username", h.value());
                  users.putIfAbsent(t.authorId(), u);
                });
      }
      ArrayNode includes = root.putObject("includes").putArray("users");
      users.values().forEach(includes::add);
    }
    if (withMeta) {
      ObjectNode meta = root.putObject("meta");
      meta.put("result_count", tweets.size());
      if (!tweets.isEmpty()) {
        meta.put("newest_id", tweets.get(0).id());
        meta.put("oldest_id", tweets.get(tweets.size() - 1).id());
      }
    }
    return XApiFixtures.write(root);
  }
}
