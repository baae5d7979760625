package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.poltwt.twitter.XApiFixtures.JSON;
import static org.poltwt.twitter.XApiFixtures.notFoundItem;
import static org.poltwt.twitter.XApiFixtures.suspendedItem;
import static org.poltwt.twitter.XApiFixtures.userData;
import static org.poltwt.twitter.XApiFixtures.userNotFound;
import static org.poltwt.twitter.XApiFixtures.userSuspended;
import static org.poltwt.twitter.XApiFixtures.users;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.test.AccountDirectoryContract;
import org.poltwt.test.MutableClock;

/**
 * The {@link AccountDirectoryContract} on the X API adapter, against the module's WireMock server
 * (shared with {@link XApiWireMockTest}, whose spec check runs after each test here too).
 */
class XApiAccountDirectoryContractTest extends AccountDirectoryContract {
  private static final String BY_USERNAME = "/2/users/by/username/";
  private MutableClock clock;

  @BeforeEach
  void resetServer() {
    XApiContractSupport.start();
    clock = new MutableClock(XApiWireMockTest.NOW);
  }

  @AfterEach
  void everyExchangeFollowsTheSpec() {
    XApiContractSupport.everyExchangeFollowsTheSpec();
  }

  private XApiClient client() {
    return XApiContractSupport.client(clock);
  }

  private static ObjectNode account() {
    ObjectNode u = JSON.createObjectNode();
    u.put("id", ACCOUNT.id());
    u.put("name", ACCOUNT.name());
    u.put("username", ACCOUNT.handle().value());
    u.put("protected", ACCOUNT.isProtected());
    u.put("verified", ACCOUNT.verified());
    return u;
  }

  @Override
  protected AccountDirectory newDirectory() {
    var server = XApiWireMockTest.server;
    server.stubFor(
        get(urlPathMatching("(?i)" + BY_USERNAME + ACCOUNT.handle().value()))
            .willReturn(okJson(userData(account()))));
    server.stubFor(
        get(urlPathMatching("(?i)" + BY_USERNAME + SUSPENDED.value()))
            .willReturn(okJson(userSuspended(SUSPENDED.value()))));
    server.stubFor(
        get(urlPathMatching("(?i)" + BY_USERNAME + UNKNOWN.value()))
            .willReturn(okJson(userNotFound(UNKNOWN.value(), "username"))));
    server.stubFor(
        get(urlPathEqualTo("/2/users/by"))
            .willReturn(
                okJson(
                    users(
                        List.of(account()),
                        List.of(
                            notFoundItem(UNKNOWN.value(), "usernames"),
                            suspendedItem(SUSPENDED.value(), "usernames"))))));
    return XApiAccountDirectory.builder(client()).build();
  }

  @Override
  protected AccountDirectory unreachableDirectory() {
    XApiWireMockTest.server.stubFor(
        any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
    return XApiAccountDirectory.builder(client()).build();
  }
}
