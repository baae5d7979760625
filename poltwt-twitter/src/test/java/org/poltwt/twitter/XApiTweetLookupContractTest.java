package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.http.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.TweetLookup;
import org.poltwt.test.MutableClock;
import org.poltwt.test.TweetLookupContract;
import org.poltwt.tweet.Tweet;

/** poltwt-test's {@link TweetLookupContract} on {@link XApiTweetLookup}, against WireMock. */
class XApiTweetLookupContractTest extends TweetLookupContract {
  private static final String LOOKUP = "/2/tweets";

  @BeforeEach
  void start() {
    XApiContractSupport.start();
  }

  @AfterEach
  void everyExchangeFollowsTheSpec() {
    XApiContractSupport.everyExchangeFollowsTheSpec();
  }

  @Override
  protected TweetLookup newLookup(List<Tweet> present) {
    var server = XApiWireMockTest.server;
    // Every combination of the present posts a request may ask for gets exactly those posts, as
    // X answers; a request asking for none of them gets errors only.
    int n = present.size();
    for (int mask = 0; mask < (1 << n); mask++) {
      List<Tweet> asked = new ArrayList<>();
      StringBuilder pattern = new StringBuilder();
      for (int i = 0; i < n; i++) {
        String id = Pattern.quote(present.get(i).id());
        if ((mask & (1 << i)) != 0) {
          asked.add(present.get(i));
          pattern.append("(?=(.*,)?").append(id).append("(,.*)?$)");
        } else {
          pattern.append("(?!(.*,)?").append(id).append("(,.*)?$)");
        }
      }
      String body =
          asked.isEmpty()
              ? "{\"errors\":[{\"value\":\"0\",\"detail\":\"Could not find tweet.\","
                  + "\"title\":\"Not Found Error\",\"resource_type\":\"tweet\","
                  + "\"parameter\":\"ids\",\"resource_id\":\"0\","
                  + "\"type\":\"https://api.twitter.com/2/problems/resource-not-found\"}]}"
              : XApiContractSupport.page(asked, false);
      server.stubFor(
          get(urlPathEqualTo(LOOKUP))
              .withQueryParam("ids", matching(pattern + ".*"))
              .willReturn(okJson(body)));
    }
    return XApiTweetLookup.of(XApiContractSupport.client(new MutableClock(XApiWireMockTest.NOW)));
  }

  @Override
  protected TweetLookup unreachableLookup() {
    XApiWireMockTest.server.stubFor(
        any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    return XApiTweetLookup.of(XApiContractSupport.client(new MutableClock(XApiWireMockTest.NOW)));
  }
}
