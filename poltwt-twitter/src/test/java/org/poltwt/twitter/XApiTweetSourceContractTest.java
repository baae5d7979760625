package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.TweetSource;
import org.poltwt.test.MutableClock;
import org.poltwt.test.TweetSourceContract;
import org.poltwt.tweet.Tweet;

/** poltwt-test's {@link TweetSourceContract} on {@link XApiTweetSource}, against WireMock. */
class XApiTweetSourceContractTest extends TweetSourceContract {
  @BeforeEach
  void start() {
    XApiContractSupport.start();
  }

  @AfterEach
  void everyExchangeFollowsTheSpec() {
    XApiContractSupport.everyExchangeFollowsTheSpec();
  }

  @Override
  protected TweetSource sourceOf(List<Tweet> published) {
    XApiWireMockTest.server.stubFor(
        get(urlPathEqualTo("/2/tweets/search/recent"))
            .willReturn(okJson(XApiContractSupport.page(published, true))));
    return XApiTweetSource.builder(XApiContractSupport.client(new MutableClock(NOW))).build();
  }
}
