package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;
import static org.poltwt.twitter.XApiFixtures.created;
import static org.poltwt.twitter.XApiFixtures.problem;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.TweetPublisher;
import org.poltwt.test.MutableClock;
import org.poltwt.test.TweetPublisherContract;

/** poltwt-test's {@link TweetPublisherContract} on {@link XApiTweetPublisher}, against WireMock. */
class XApiTweetPublisherContractTest extends TweetPublisherContract {
  private static final String TWEETS = "/2/tweets";
  private static final String ID = "1445880548472328192";

  @BeforeEach
  void start() {
    XApiContractSupport.start();
    XApiWireMockTest.server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("posts")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(created(ID, TEXT))));
  }

  @AfterEach
  void everyExchangeFollowsTheSpec() {
    XApiContractSupport.everyExchangeFollowsTheSpec();
  }

  @Override
  protected TweetPublisher newPublisher() {
    return XApiTweetPublisher.builder(
            XApiContractSupport.client(new MutableClock(XApiWireMockTest.NOW)))
        .build();
  }

  @Override
  protected List<String> posted() {
    List<ServeEvent> events = new ArrayList<>(XApiWireMockTest.server.getAllServeEvents());
    // The journal lists the newest first.
    java.util.Collections.reverse(events);
    List<String> texts = new ArrayList<>();
    for (ServeEvent e : events) {
      if (e.getRequest().getUrl().startsWith(TWEETS) && e.getResponse().getStatus() == 201) {
        texts.add(XApiFixtures.read(e.getRequest().getBodyAsString()).get("text").asText());
      }
    }
    return texts;
  }

  @Override
  protected void failNextPost() {
    // X refuses the post (not a duplicate): nothing is posted, and a later try may succeed.
    XApiWireMockTest.server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("posts")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", PROBLEM_JSON)
                    .withBody(
                        problem(403, "Forbidden", "You are not permitted to perform this action.")))
            .willSetStateTo("refused once"));
    XApiWireMockTest.server.stubFor(
        post(urlPathEqualTo(TWEETS))
            .inScenario("posts")
            .whenScenarioStateIs("refused once")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(created(ID, TEXT))));
  }
}
