package org.poltwt.examples.site;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.Optional;
import org.poltwt.compliance.ComplianceChecker;
import org.poltwt.event.Edition;
import org.poltwt.examples.common.Stores;
import org.poltwt.live.Phase;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.report.WrapUp;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.TweetQuery;

/**
 * The public wrap-up that the live board links to once its edition is over, at {@code
 * /live/wrapup}: core's {@link WrapUp} of the tweets in the store, drawn by the same templates as
 * the organisers' wrap-up. It shows counts, and accounts only by their public handles; nothing of a
 * registration (no address, email or name) reaches it.
 *
 * <p>Only after the edition: a wrap-up reads every post of the edition, which must not happen on
 * every request while posts arrive. After, it is computed once and kept until the store's count of
 * the edition's posts, the edition, or its registrations' counts change (three count queries).
 */
final class LiveWrapUp {
  private final Stores stores;
  private final LiveFeed feed;

  /**
   * Whether the busiest accounts may name accounts that are not registered: as the board shows
   * their posts or not ({@code POLTWT_LIVE_SHOW_UNREGISTERED}). Their posts count either way.
   */
  private final boolean showUnregistered;

  // Guarded by this: the last wrap-up, and the edition and last event id it was computed for.
  private String computedFor;
  private WrapUp computed;

  LiveWrapUp(Stores stores, LiveFeed feed, boolean showUnregistered) {
    this.stores = stores;
    this.feed = feed;
    this.showUnregistered = showUnregistered;
  }

  void page(Context ctx) {
    Optional<LiveFeed.Published> p = feed.current();
    if (p.isEmpty() || p.get().state().phase() != Phase.AFTER) {
      // Nothing to wrap up yet: the board says when its edition starts or how it is going.
      ctx.redirect("/live", HttpStatus.SEE_OTHER);
      return;
    }
    int number = p.get().edition();
    Optional<Edition> edition =
        stores.editions().all().stream().filter(e -> e.number() == number).findFirst();
    if (edition.isEmpty()) {
      // Deleted since the board was built: the board, rebuilt, says what there is instead.
      ctx.redirect("/live", HttpStatus.SEE_OTHER);
      return;
    }
    // Whatever changes the wrap-up changes its key: posts stored (a harvest after the edition, a
    // late page; their ids may all lie below the board's), the edition, its registrations.
    String key =
        number
            + "|"
            + stores.tweets().count(TweetQuery.of(number))
            + "|"
            + edition.get().hashCode()
            + "|"
            + stores.registrations().count(RegistrationQuery.of(number))
            + "|"
            + stores
                .registrations()
                .count(RegistrationQuery.of(number).withStatus(RegistrationStatus.VERIFIED));
    WrapUp w = wrapUp(edition.get(), key);
    Views.page(
        ctx, "liveWrapup", "r", WrapUpReport.of(w, Views.messages(ctx).locale(), showUnregistered));
  }

  private synchronized WrapUp wrapUp(Edition edition, String key) {
    if (!key.equals(computedFor)) {
      computed = compute(edition);
      computedFor = key;
    }
    return computed;
  }

  private WrapUp compute(Edition edition) {
    int number = edition.number();
    List<Registration> registrations = stores.allRegistrations(RegistrationQuery.of(number));
    ComplianceChecker checker =
        ComplianceChecker.builder().edition(edition).registrations(stores.registrations()).build();
    WrapUp.Accumulator acc = WrapUp.accumulator(edition, registrations);
    LiveFeed.readAfter(
        stores.tweets(),
        number,
        Optional.empty(),
        Integer.MAX_VALUE,
        t -> acc.add(t, checker.check(t)));
    return acc.result();
  }
}
