package org.poltwt.benchmarks.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A small burst on two instances sharing an in-memory H2 database: every sign-up is registered,
 * verified and mailed exactly once, and the figures the report reads are there.
 */
class SignupBurstTest {
  @Test
  void everySignUpIsRegisteredVerifiedAndMailedOnce() throws Exception {
    SignupBurst burst = new SignupBurst(12, 4);

    SignupBurst.Result r = burst.run(Optional.empty());

    assertThat(burst.failures()).isEmpty();
    assertThat(r.errors()).isZero();
    // The warm-up's sign-ups are checked with the burst's.
    assertThat(r.registered()).isEqualTo(12 + SignupBurst.WARM_UPS);
    assertThat(r.verified()).isEqualTo(12 + SignupBurst.WARM_UPS);
    assertThat(r.mailsMissing()).isZero();
    assertThat(r.mailsDoubled()).isZero();
    assertThat(r.mailsOther()).isZero();
    assertThat(r.clean()).isTrue();
    // Five requests a sign-up: the form, the post, the page it leads to, the link, the
    // confirmation.
    assertThat(r.burstRequests().count()).isEqualTo(60);
    assertThat(r.journeys().count()).isEqualTo(12);
    assertThat(r.staticRequests().count()).isEqualTo(60);
    assertThat(r.facts()).contains("signups=12", "warmUps=4", "errors=0", "clean=true");
  }
}
