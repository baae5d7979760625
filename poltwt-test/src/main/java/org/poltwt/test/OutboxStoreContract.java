package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.poltwt.announcement.Announcement;
import org.poltwt.announcement.Audience;
import org.poltwt.spi.OutboxEntry;
import org.poltwt.spi.OutboxStore;

/**
 * What every {@link OutboxStore} must do. Extend it with {@link #newStore()}; a store whose tables
 * need registrations to exist first overrides {@link #prepareRegistration(UUID)}.
 */
public abstract class OutboxStoreContract {
  /** The instant entries are enqueued at. */
  protected static final Instant T0 = Registrations.BASE_TIME;

  /** The store under test, new for each test. */
  protected OutboxStore store;

  /**
   * Makes an empty store.
   *
   * @return the store
   */
  protected abstract OutboxStore newStore();

  /**
   * Makes a registration with this id exist where the store needs it to (for foreign keys).
   *
   * @param registrationId the registration's id
   */
  protected void prepareRegistration(UUID registrationId) {}

  /** Creates the store. */
  @BeforeEach
  public void createStore() {
    store = newStore();
  }

  private Announcement announcement(int edition, Instant at) {
    return new Announcement(
        UUID.randomUUID(),
        Editions.scheduled(edition),
        Optional.empty(),
        "Theme for {edition}",
        "Hello {handle}, your window opens {windowStart}.",
        Audience.verified(),
        at);
  }

  private List<UUID> recipients(int n) {
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      UUID id = Registrations.idFor(5, "recipient" + i);
      prepareRegistration(id);
      ids.add(id);
    }
    return ids;
  }

  /** Saved announcement round trips. */
  @Test
  public void savedAnnouncementRoundTrips() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    store.saveAnnouncement(a);

    assertThat(store.findAnnouncement(a.id())).contains(a);
    assertThat(store.findAnnouncement(UUID.randomUUID())).isEmpty();
  }

  /** Announcements are listed per edition oldest first. */
  @Test
  public void announcementsAreListedPerEditionOldestFirst() {
    Announcement later = announcement(5, T0.plusSeconds(60));
    Announcement earlier = announcement(5, T0);
    Announcement other = announcement(6, T0);
    store.saveAnnouncement(later);
    store.saveAnnouncement(earlier);
    store.saveAnnouncement(other);

    assertThat(store.announcements(5)).containsExactly(earlier, later);
    assertThat(store.announcements(7)).isEmpty();
  }

  /** Enqueue adds each recipient once. */
  @Test
  public void enqueueAddsEachRecipientOnce() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    List<UUID> ids = recipients(3);

    assertThat(store.enqueue(a.id(), ids, T0)).isEqualTo(3);
    assertThat(store.enqueue(a.id(), ids, T0.plusSeconds(5))).isZero();

    assertThat(store.entries(a.id()))
        .hasSize(3)
        .allSatisfy(
            e -> assertThat(e).isEqualTo(OutboxEntry.pending(a.id(), e.registrationId(), T0)));
  }

  /** Due lists pending entries whose time has come oldest first. */
  @Test
  public void dueListsPendingEntriesWhoseTimeHasComeOldestFirst() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    List<UUID> ids = recipients(3);
    store.enqueue(a.id(), ids, T0);
    OutboxEntry first = store.entries(a.id()).get(0);
    OutboxEntry later =
        new OutboxEntry(
            a.id(),
            first.registrationId(),
            OutboxEntry.Status.PENDING,
            1,
            T0.plusSeconds(600),
            Optional.empty(),
            Optional.of("mail.failed"));
    assertThat(store.transition(first, later)).isTrue();

    assertThat(store.due(a.id(), T0, 10))
        .extracting(OutboxEntry::registrationId)
        .containsExactly(ids.get(1), ids.get(2));
    assertThat(store.due(a.id(), T0, 1)).hasSize(1);
    assertThat(store.due(a.id(), T0.plusSeconds(600), 10))
        .extracting(OutboxEntry::registrationId)
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(2));
  }

  /** Transition is compare and set. */
  @Test
  public void transitionIsCompareAndSet() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    UUID r = recipients(1).get(0);
    store.enqueue(a.id(), List.of(r), T0);
    OutboxEntry pending = store.entries(a.id()).get(0);
    OutboxEntry sent =
        new OutboxEntry(
            a.id(),
            r,
            OutboxEntry.Status.SENT,
            1,
            T0,
            Optional.of(T0.plusSeconds(1)),
            Optional.empty());

    assertThat(store.transition(pending, sent)).isTrue();
    assertThat(store.transition(pending, sent)).isFalse();
    assertThat(store.entries(a.id())).containsExactly(sent);
    assertThat(store.due(a.id(), T0.plusSeconds(3600), 10)).isEmpty();
  }

  /**
   * Of many concurrent claims exactly one wins.
   *
   * @throws Exception if the racing threads cannot be run
   */
  @Test
  public void ofManyConcurrentClaimsExactlyOneWins() throws Exception {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    UUID r = recipients(1).get(0);
    store.enqueue(a.id(), List.of(r), T0);
    OutboxEntry pending = store.entries(a.id()).get(0);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> claims = new ArrayList<>();
      for (int i = 0; i < 20; i++) {
        OutboxEntry claim =
            new OutboxEntry(
                a.id(),
                r,
                OutboxEntry.Status.PENDING,
                1,
                T0.plusSeconds(600 + i),
                Optional.empty(),
                Optional.empty());
        claims.add(
            pool.submit(
                () -> {
                  start.await();
                  return store.transition(pending, claim);
                }));
      }
      start.countDown();
      int won = 0;
      for (Future<Boolean> f : claims) {
        won += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
      }
      assertThat(won).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  /** Failed entries keep their error code. */
  @Test
  public void failedEntriesKeepTheirErrorCode() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    UUID r = recipients(1).get(0);
    store.enqueue(a.id(), List.of(r), T0);
    OutboxEntry failed =
        new OutboxEntry(
            a.id(),
            r,
            OutboxEntry.Status.FAILED,
            5,
            T0,
            Optional.empty(),
            Optional.of("mail.failed"));

    assertThat(store.transition(store.entries(a.id()).get(0), failed)).isTrue();
    assertThat(store.entries(a.id())).containsExactly(failed);
  }

  /** Unsubscribe tokens and unsubscriptions. */
  @Test
  public void unsubscribeTokensAndUnsubscriptions() {
    UUID r = recipients(1).get(0);
    String hash = "a".repeat(64);
    store.saveUnsubscribeToken(hash, r);

    assertThat(store.findUnsubscribeToken(hash)).contains(r);
    assertThat(store.findUnsubscribeToken("b".repeat(64))).isEmpty();
    assertThatThrownBy(() -> store.saveUnsubscribeToken(hash, r))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.isUnsubscribed(r)).isFalse();
    store.unsubscribe(r, T0);
    store.unsubscribe(r, T0.plusSeconds(1));
    assertThat(store.isUnsubscribed(r)).isTrue();
  }

  /** Delete for removes everything of that registration only. */
  @Test
  public void deleteForRemovesEverythingOfThatRegistrationOnly() {
    Announcement a = announcement(5, T0);
    store.saveAnnouncement(a);
    List<UUID> ids = recipients(2);
    store.enqueue(a.id(), ids, T0);
    store.saveUnsubscribeToken("c".repeat(64), ids.get(0));
    store.unsubscribe(ids.get(0), T0);

    assertThat(store.deleteFor(ids.get(0))).isEqualTo(3);

    assertThat(store.entries(a.id()))
        .extracting(OutboxEntry::registrationId)
        .containsExactly(ids.get(1));
    assertThat(store.findUnsubscribeToken("c".repeat(64))).isEmpty();
    assertThat(store.isUnsubscribed(ids.get(0))).isFalse();
    assertThat(store.deleteFor(ids.get(0))).isZero();
  }
}
