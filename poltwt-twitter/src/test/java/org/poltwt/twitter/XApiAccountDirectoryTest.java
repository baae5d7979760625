package org.poltwt.twitter;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.poltwt.twitter.XApiFixtures.PROBLEM_JSON;
import static org.poltwt.twitter.XApiFixtures.notFoundItem;
import static org.poltwt.twitter.XApiFixtures.problem;
import static org.poltwt.twitter.XApiFixtures.suspendedItem;
import static org.poltwt.twitter.XApiFixtures.user;
import static org.poltwt.twitter.XApiFixtures.userData;
import static org.poltwt.twitter.XApiFixtures.userNotFound;
import static org.poltwt.twitter.XApiFixtures.userSuspended;
import static org.poltwt.twitter.XApiFixtures.users;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.TwitterAccount;

class XApiAccountDirectoryTest extends XApiWireMockTest {
  private static final String BY_USERNAME = "/2/users/by/username/";

  private XApiAccountDirectory directory() {
    return XApiAccountDirectory.builder(client()).build();
  }

  @Test
  void findsAnAccountWithItsIdNameAndFlags() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .willReturn(okJson(userData(user(7, "PolTwt", false, true)))));

    AccountLookup answer = directory().lookup(TwitterHandle.of("@PolTwt"));

    assertThat(answer.status()).isEqualTo(AccountLookup.Status.FOUND);
    TwitterAccount account = answer.account().orElseThrow();
    assertThat(account.id()).isEqualTo(XApiFixtures.userId(7));
    assertThat(account.name()).isEqualTo("Account 7");
    assertThat(account.handle().value()).isEqualTo("PolTwt");
    assertThat(account.isProtected()).isFalse();
    assertThat(account.verified()).isTrue();
    server.verify(
        getRequestedFor(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .withQueryParam("user.fields", equalTo("protected,verified"))
            .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN)));
  }

  @Test
  void aProtectedAccountIsFoundWithItsFlag() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "quiet_pd"))
            .willReturn(okJson(userData(user(8, "quiet_pd", true, false)))));

    assertThat(
            directory().lookup(TwitterHandle.of("quiet_pd")).account().orElseThrow().isProtected())
        .isTrue();
  }

  @Test
  void anUnknownHandleIsNotFoundFromTheErrorsArrayOfA200() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "doesnotexist827"))
            .willReturn(okJson(userNotFound("doesnotexist827", "username"))));

    AccountLookup answer = directory().lookup(TwitterHandle.of("doesnotexist827"));

    assertThat(answer.status()).isEqualTo(AccountLookup.Status.NOT_FOUND);
    assertThat(answer.account()).isEmpty();
  }

  @Test
  void aSuspendedAccountIsSuspendedNotMissing() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "gone_rogue"))
            .willReturn(okJson(userSuspended("gone_rogue"))));

    assertThat(directory().lookup(TwitterHandle.of("gone_rogue")).status())
        .isEqualTo(AccountLookup.Status.SUSPENDED);
  }

  @Test
  void theDocumented404ForASingleLookupIsAlsoNotFound() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "deleted_pd"))
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withHeader("Content-Type", PROBLEM_JSON)
                    .withBody(
                        problem(
                            404,
                            "Not Found Error",
                            "Could not find user with username: [deleted_pd]."))));

    assertThat(directory().lookup(TwitterHandle.of("deleted_pd")).status())
        .isEqualTo(AccountLookup.Status.NOT_FOUND);
  }

  @Test
  void aBatchAnswersFoundMissingAndSuspendedInOneCallInTheOrderAsked() {
    server.stubFor(
        get(urlPathEqualTo("/2/users/by"))
            .willReturn(
                okJson(
                    users(
                        List.of(
                            user(1, "NYPDnews", false, true), user(2, "met_police", false, false)),
                        List.of(
                            notFoundItem("ghost_pd", "usernames"),
                            suspendedItem("gone_rogue", "usernames"))))));
    List<TwitterHandle> asked =
        List.of(
            TwitterHandle.of("ghost_pd"),
            TwitterHandle.of("nypdnews"),
            TwitterHandle.of("gone_rogue"),
            TwitterHandle.of("Met_Police"),
            TwitterHandle.of("NYPDNEWS"));

    Map<TwitterHandle, AccountLookup> answers = directory().lookupAll(asked);

    assertThat(answers.keySet())
        .extracting(TwitterHandle::normalized)
        .containsExactly("ghost_pd", "nypdnews", "gone_rogue", "met_police");
    assertThat(answers.values())
        .extracting(AccountLookup::status)
        .containsExactly(
            AccountLookup.Status.NOT_FOUND,
            AccountLookup.Status.FOUND,
            AccountLookup.Status.SUSPENDED,
            AccountLookup.Status.FOUND);
    assertThat(answers.get(TwitterHandle.of("nypdnews")).account().orElseThrow().handle().value())
        .isEqualTo("NYPDnews");
    server.verify(
        1,
        getRequestedFor(urlPathEqualTo("/2/users/by"))
            .withQueryParam("usernames", equalTo("ghost_pd,nypdnews,gone_rogue,Met_Police"))
            .withQueryParam("user.fields", equalTo("protected,verified")));
  }

  @Test
  void aThousandLookupsCostTenCallsWithBatchingAndTheCache() {
    server.stubFor(
        get(urlPathEqualTo("/2/users/by"))
            .willReturn(aResponse().withTransformers(UsersByTransformer.NAME)));
    server.stubFor(
        get(urlPathMatching(BY_USERNAME + ".*")).willReturn(okJson(userNotFound("x", "username"))));
    XApiAccountDirectory directory = directory();
    List<TwitterHandle> handles = new ArrayList<>();
    for (int i = 0; i < 1_000; i++) {
      handles.add(TwitterHandle.of("agency_" + i));
    }

    Map<TwitterHandle, AccountLookup> first = directory.lookupAll(handles);
    for (TwitterHandle h : handles) {
      assertThat(directory.lookup(h).status())
          .isEqualTo(AccountLookup.Status.FOUND); // each sign-up asks again
    }
    Map<TwitterHandle, AccountLookup> again = directory.lookupAll(handles);

    assertThat(first)
        .hasSize(1_000)
        .allSatisfy((h, a) -> assertThat(a.status()).isEqualTo(AccountLookup.Status.FOUND));
    assertThat(again).isEqualTo(first);
    assertThat(server.getAllServeEvents()).hasSize(10);
    server.verify(10, getRequestedFor(urlPathEqualTo("/2/users/by")));
  }

  @Test
  void negativeAnswersAreCachedForTheirOwnShorterTime() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "ghost_pd"))
            .willReturn(okJson(userNotFound("ghost_pd", "username"))));
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .willReturn(okJson(userData(user(7, "PolTwt")))));
    XApiAccountDirectory directory =
        XApiAccountDirectory.builder(client())
            .positiveTtl(Duration.ofHours(24))
            .negativeTtl(Duration.ofMinutes(10))
            .build();
    TwitterHandle ghost = TwitterHandle.of("ghost_pd");
    TwitterHandle polTwt = TwitterHandle.of("PolTwt");

    directory.lookup(ghost);
    directory.lookup(polTwt);
    directory.lookup(ghost);
    directory.lookup(polTwt);
    assertThat(server.getAllServeEvents()).hasSize(2);

    clock.advance(Duration.ofMinutes(11));
    directory.lookup(ghost);
    directory.lookup(polTwt);
    assertThat(server.getAllServeEvents()).hasSize(3); // only the negative answer expired

    clock.advance(Duration.ofHours(24));
    directory.lookup(polTwt);
    assertThat(server.getAllServeEvents()).hasSize(4);
  }

  @Test
  void aBadTokenIsATypedFailureThatNeverShowsTheToken() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .willReturn(
                aResponse()
                    .withStatus(401)
                    .withHeader("Content-Type", PROBLEM_JSON)
                    .withBody(problem(401, "Unauthorized", "Unauthorized"))));
    XApiAccountDirectory directory = directory();

    assertThatThrownBy(() -> directory.lookup(TwitterHandle.of("PolTwt")))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(XApiAccountDirectory.FAILURE_CODE);
              assertThat(e.reason()).isEqualTo(XApiException.Reason.UNAUTHORIZED);
              assertThat(e.status()).hasValue(401);
              assertThat(e.title()).hasValue("Unauthorized");
              assertThat(e.getMessage())
                  .contains("401")
                  .doesNotContain(APP_TOKEN)
                  .doesNotContain(USER_TOKEN);
              assertThat(e.getCause()).hasMessageNotContaining(APP_TOKEN);
            });
    assertThat(directory.toString()).doesNotContain(APP_TOKEN).doesNotContain(USER_TOKEN);
    // A failure is not an answer: it is not cached.
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .willReturn(okJson(userData(user(7, "PolTwt")))));
    assertThat(directory.lookup(TwitterHandle.of("PolTwt")).status())
        .isEqualTo(AccountLookup.Status.FOUND);
    server.verify(
        2,
        getRequestedFor(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .withHeader("Authorization", equalTo("Bearer " + APP_TOKEN)));
  }

  @Test
  void malformedJsonIsATypedFailure() {
    server.stubFor(
        get(urlPathEqualTo(BY_USERNAME + "PolTwt"))
            .withMetadata(outsideSpec("malformed on purpose"))
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"data\":{\"id\":\"7\",\"name\":")));

    assertThatThrownBy(() -> directory().lookup(TwitterHandle.of("PolTwt")))
        .isInstanceOfSatisfying(
            XApiException.class,
            e -> {
              assertThat(e.code()).isEqualTo(XApiAccountDirectory.FAILURE_CODE);
              assertThat(e.reason()).isEqualTo(XApiException.Reason.MALFORMED_RESPONSE);
            });
  }
}
