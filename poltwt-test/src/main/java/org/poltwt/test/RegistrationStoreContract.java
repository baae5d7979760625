package org.poltwt.test;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.poltwt.test.Registrations.agency;
import static org.poltwt.test.Registrations.agencyBuilder;
import static org.poltwt.test.Registrations.at;
import static org.poltwt.test.Registrations.officer;
import static org.poltwt.test.Registrations.officerBuilder;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.DuplicateRegistrationException;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;

/**
 * The behaviour every {@link RegistrationStore} must have. An implementation's test extends this
 * class and supplies {@link #newStore()}; a store whose registrations need their edition to exist
 * (a foreign key) also overrides {@link #prepareEdition(int)}. The test methods are public so that
 * subclasses in any package inherit them.
 *
 * <p>The tests use two editions only, {@link #EDITION} and {@link #OTHER_EDITION}. Fixture instants
 * are truncated to microseconds, which is what PostgreSQL keeps (see {@link Registrations}). One
 * test runs {@value #RACERS} inserts at once, so a pooled store needs that many connections to make
 * the race real (fewer still pass, just with less contention).
 */
public abstract class RegistrationStoreContract {
  /** The edition most tests register for. */
  protected static final int EDITION = 1;

  /** A second edition, for what must not leak across editions. */
  protected static final int OTHER_EDITION = 2;

  /** How many inserts of one handle race each other. */
  protected static final int RACERS = 50;

  private RegistrationStore store;

  /**
   * Creates an empty store. Called once per test, lazily on first use, so after the subclass's own
   * {@code @BeforeEach} methods.
   *
   * @return a new, empty store
   */
  protected abstract RegistrationStore newStore();

  /**
   * Returns the token store this store writes a sign-up's first token to in {@link
   * RegistrationStore#insert(Registration, VerificationToken, VerificationTokenStore)}: the one it
   * shares a database (and so a transaction) with. Called once per test that needs it, after {@link
   * #newStore()}; it must start with no tokens.
   *
   * @return the token store beside this test's store
   */
  protected abstract VerificationTokenStore newTokenStore();

  /**
   * Makes an edition exist wherever the store needs it before registrations can refer to it, for
   * example a row in an {@code edition} table. Called for {@link #EDITION} and {@link
   * #OTHER_EDITION} right after {@link #newStore()}. Does nothing unless overridden.
   *
   * @param number the edition's number
   */
  protected void prepareEdition(int number) {}

  /**
   * Returns this test's store, creating it (and preparing the editions) on first use.
   *
   * @return the store
   */
  protected final RegistrationStore store() {
    if (store == null) {
      store = newStore();
      prepareEdition(EDITION);
      prepareEdition(OTHER_EDITION);
    }
    return store;
  }

  /** Forgets the store, so that a subclass with a per-class lifecycle still gets one per test. */
  @AfterEach
  public void forgetStore() {
    store = null;
  }

  private Registration insert(Registration r) {
    store().insert(r);
    return r;
  }

  private Registration stored(UUID id) {
    return store()
        .find(id)
        .orElseThrow(() -> new AssertionError("registration " + id + " is not stored"));
  }

  // ---------------------------------------------------------------- insert and find

  /** Inserted registration is found by id. */
  @Test
  public void insertedRegistrationIsFoundById() {
    Registration r = insert(agency(EDITION, "Metro_PD"));

    assertThat(store().find(r.id())).contains(r);
  }

  /** Find of an unknown id is empty. */
  @Test
  public void findOfAnUnknownIdIsEmpty() {
    insert(agency(EDITION, "Metro_PD"));

    assertThat(store().find(UUID.randomUUID())).isEmpty();
  }

  /** Every value round trips. */
  @Test
  public void everyValueRoundTrips() {
    Registration complete = insert(Registrations.complete(EDITION, "PolTwt_Ofcr"));

    Registration found = stored(complete.id());
    // equals covers most of these; they are spelled out so that a failure names what was lost.
    assertThat(found.handle().value()).as("handle in display case").isEqualTo("PolTwt_Ofcr");
    assertThat(found.accountType()).isEqualTo(AccountType.OFFICER);
    assertThat(found.agencyName()).isEqualTo(complete.agencyName());
    assertThat(found.agencyLevel()).isEqualTo(complete.agencyLevel());
    assertThat(found.officerName()).isEqualTo(complete.officerName());
    assertThat(found.officerNameOnMap()).isTrue();
    assertThat(found.email()).isEqualTo(complete.email());
    assertThat(found.address()).isEqualTo(complete.address());
    assertThat(found.address().orElseThrow().region()).isEqualTo("Bagmati");
    assertThat(found.address().orElseThrow().postalCode()).isEqualTo("44600");
    assertThat(found.coordinates()).as("coordinates, exactly").isEqualTo(complete.coordinates());
    assertThat(found.country()).isEqualTo("NP");
    assertThat(found.zone()).isEqualTo(ZoneId.of("Asia/Kathmandu"));
    assertThat(found.participationModel()).isEqualTo(complete.participationModel());
    assertThat(found.language()).as("language").isEqualTo(java.util.Locale.forLanguageTag("ne"));
    assertThat(found.status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(found.emailNeedsReview()).isTrue();
    assertThat(found.accountId()).contains("1234567890123456789");
    assertThat(found.createdAt())
        .as("createdAt, to the microsecond")
        .isEqualTo(complete.createdAt());
    assertThat(found.updatedAt())
        .as("updatedAt, to the microsecond")
        .isEqualTo(complete.updatedAt());
    assertThat(found.erasedAt()).isEmpty();
    assertThat(found).isEqualTo(complete);
  }

  /** Registration without optional values round trips. */
  @Test
  public void registrationWithoutOptionalValuesRoundTrips() {
    Registration bare = insert(agency(EDITION, "Bare_PD"));

    Registration found = stored(bare.id());
    assertThat(found.officerName()).isEmpty();
    assertThat(found.officerNameOnMap()).isFalse();
    assertThat(found.address()).isEmpty();
    assertThat(found.coordinates()).isEmpty();
    assertThat(found.accountId()).isEmpty();
    assertThat(found.emailNeedsReview()).isFalse();
    assertThat(found.erasedAt()).isEmpty();
    assertThat(found).isEqualTo(bare);
  }

  /** Address without region or postal code round trips with empty parts. */
  @Test
  public void addressWithoutRegionOrPostalCodeRoundTripsWithEmptyParts() {
    Registration r =
        insert(
            agencyBuilder(EDITION, "Small_Town")
                .address(PostalAddress.of("1 Main St", "Springfield"))
                .build());

    PostalAddress found = stored(r.id()).address().orElseThrow();
    assertThat(found.region()).isEmpty();
    assertThat(found.postalCode()).isEmpty();
    assertThat(found).isEqualTo(PostalAddress.of("1 Main St", "Springfield"));
  }

  /** An address of a city alone, without street, round trips with empty parts. */
  @Test
  public void addressWithoutStreetRoundTripsWithEmptyParts() {
    Registration r =
        insert(
            agencyBuilder(EDITION, "City_Only").address(PostalAddress.ofCity("Maidstone")).build());

    PostalAddress found = stored(r.id()).address().orElseThrow();
    assertThat(found.street()).isEmpty();
    assertThat(found.city()).isEqualTo("Maidstone");
    assertThat(found).isEqualTo(PostalAddress.ofCity("Maidstone"));
  }

  /** Address without coordinates round trips. */
  @Test
  public void addressWithoutCoordinatesRoundTrips() {
    Registration r =
        insert(agencyBuilder(EDITION, "No_Geocode").address(Registrations.fullAddress()).build());

    Registration found = stored(r.id());
    assertThat(found.address()).contains(Registrations.fullAddress());
    assertThat(found.coordinates()).isEmpty();
  }

  /** Insert rejects null. */
  @Test
  public void insertRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> store().insert(null));
  }

  // ---------------------------------------------------------------- one registration per handle

  /** A handle is registered once per edition whatever its case. */
  @Test
  public void aHandleIsRegisteredOncePerEditionWhateverItsCase() {
    Registration first = insert(agency(EDITION, "PolTwt"));
    Registration again = agency(EDITION, "POLTWT");

    assertThatExceptionOfType(DuplicateRegistrationException.class)
        .isThrownBy(() -> store().insert(again))
        .satisfies(
            e -> {
              assertThat(e.code()).isEqualTo(DuplicateRegistrationException.CODE);
              assertThat(e.edition()).isEqualTo(EDITION);
              assertThat(e.handle()).isEqualTo(TwitterHandle.of("poltwt"));
            });
    assertThat(store().find(again.id())).isEmpty();
    assertThat(store().find(first.id())).contains(first);
    assertThat(store().count(RegistrationQuery.of(EDITION))).isEqualTo(1);
  }

  /** A withdrawn registration still holds its handle. */
  @Test
  public void aWithdrawnRegistrationStillHoldsItsHandle() {
    insert(agencyBuilder(EDITION, "Quit_PD").status(RegistrationStatus.WITHDRAWN).build());

    assertThatExceptionOfType(DuplicateRegistrationException.class)
        .isThrownBy(() -> store().insert(officer(EDITION, "quit_pd")));
  }

  /** An erased registration still holds its handle. */
  @Test
  public void anErasedRegistrationStillHoldsItsHandle() {
    Registration r = insert(agency(EDITION, "Gone_PD"));
    store().erase(r.id(), at(60));

    assertThatExceptionOfType(DuplicateRegistrationException.class)
        .isThrownBy(() -> store().insert(agency(EDITION, "GONE_PD")));
  }

  /** The same handle may register for another edition. */
  @Test
  public void theSameHandleMayRegisterForAnotherEdition() {
    Registration inFirst = insert(agency(EDITION, "Every_Year"));
    Registration inOther = insert(agency(OTHER_EDITION, "every_year"));

    assertThat(store().find(inFirst.id())).contains(inFirst);
    assertThat(store().find(inOther.id())).contains(inOther);
    assertThat(store().count(RegistrationQuery.of(EDITION))).isEqualTo(1);
    assertThat(store().count(RegistrationQuery.of(OTHER_EDITION))).isEqualTo(1);
  }

  /** Inserting an existing id fails. */
  @Test
  public void insertingAnExistingIdFails() {
    Registration first = insert(agency(EDITION, "First_PD"));
    Registration sameId = agencyBuilder(EDITION, "Second_PD").id(first.id()).build();

    assertThatIllegalStateException().isThrownBy(() -> store().insert(sameId));
    assertThat(store().find(first.id())).contains(first);
    assertThat(store().findByHandle(EDITION, TwitterHandle.of("Second_PD"))).isEmpty();
  }

  /**
   * Concurrent inserts of one handle let exactly one succeed.
   *
   * @throws Exception if the racing threads cannot be run
   */
  @Test
  public void concurrentInsertsOfOneHandleLetExactlyOneSucceed() throws Exception {
    RegistrationStore s = store();
    List<Registration> racers = new ArrayList<>();
    for (int i = 0; i < RACERS; i++) {
      racers.add(
          agency(EDITION, casing("poltwt_race", i))); // distinct ids: they derive from the case
    }
    ExecutorService pool = Executors.newFixedThreadPool(RACERS);
    try {
      CountDownLatch ready = new CountDownLatch(RACERS);
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> outcomes = new ArrayList<>();
      for (Registration r : racers) {
        Callable<Boolean> attempt =
            () -> {
              ready.countDown();
              start.await();
              try {
                s.insert(r);
                return true;
              } catch (DuplicateRegistrationException e) {
                assertThat(e.edition()).isEqualTo(EDITION);
                return false;
              }
            };
        outcomes.add(pool.submit(attempt));
      }
      assertThat(ready.await(30, SECONDS)).as("all racers ready").isTrue();
      start.countDown();

      List<Registration> winners = new ArrayList<>();
      int duplicates = 0;
      for (int i = 0; i < RACERS; i++) {
        // Any other exception fails the test here, with the store's exception as the cause.
        if (outcomes.get(i).get(60, SECONDS)) {
          winners.add(racers.get(i));
        } else {
          duplicates++;
        }
      }
      assertThat(winners).hasSize(1);
      assertThat(duplicates).isEqualTo(RACERS - 1);
      assertThat(store().count(RegistrationQuery.of(EDITION))).isEqualTo(1);
      assertThat(store().list(RegistrationQuery.of(EDITION), 0, RACERS))
          .containsExactly(winners.get(0));
      assertThat(store().findByHandle(EDITION, TwitterHandle.of("POLTWT_RACE")))
          .contains(winners.get(0));
    } finally {
      pool.shutdownNow();
    }
  }

  /** The i-th distinct casing of an all-lower-case handle: bit j of i upper-cases letter j. */
  private static String casing(String lower, int i) {
    StringBuilder b = new StringBuilder(lower.length());
    int bit = 0;
    for (char c : lower.toCharArray()) {
      if (Character.isLetter(c)) {
        b.append((i >> bit & 1) == 1 ? Character.toUpperCase(c) : c);
        bit++;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  // ---------------------------------------------------------------- findByHandle

  /** Find by handle ignores case. */
  @Test
  public void findByHandleIgnoresCase() {
    Registration r = insert(agency(EDITION, "PolTwt_Find"));

    assertThat(store().findByHandle(EDITION, TwitterHandle.of("poltwt_find"))).contains(r);
    assertThat(store().findByHandle(EDITION, TwitterHandle.of("@POLTWT_FIND"))).contains(r);
    assertThat(
            store()
                .findByHandle(EDITION, TwitterHandle.of("poltwt_find"))
                .orElseThrow()
                .handle()
                .value())
        .isEqualTo("PolTwt_Find");
  }

  /** Find by handle is scoped to the edition. */
  @Test
  public void findByHandleIsScopedToTheEdition() {
    insert(agency(EDITION, "Only_First"));

    assertThat(store().findByHandle(OTHER_EDITION, TwitterHandle.of("Only_First"))).isEmpty();
  }

  /** Find by handle of an unknown handle is empty. */
  @Test
  public void findByHandleOfAnUnknownHandleIsEmpty() {
    insert(agency(EDITION, "Known_PD"));

    assertThat(store().findByHandle(EDITION, TwitterHandle.of("Unknown_PD"))).isEmpty();
  }

  // ---------------------------------------------------------------- update

  /** Update changes the status and keeps the rest. */
  @Test
  public void updateChangesTheStatusAndKeepsTheRest() {
    Registration r = insert(Registrations.withAddress(officer(EDITION, "Beat_Cop")));
    Registration verified = r.withStatus(RegistrationStatus.VERIFIED, at(3600));

    store().update(verified);

    Registration found = stored(r.id());
    assertThat(found.status()).isEqualTo(RegistrationStatus.VERIFIED);
    assertThat(found.updatedAt()).isEqualTo(at(3600));
    assertThat(found.createdAt()).isEqualTo(r.createdAt());
    assertThat(found.email()).isEqualTo(r.email());
    assertThat(found.officerName()).isEqualTo(r.officerName());
    assertThat(found.address()).isEqualTo(r.address());
    assertThat(found.coordinates()).isEqualTo(r.coordinates());
    assertThat(found).isEqualTo(verified);
    assertThat(store().findByHandle(EDITION, r.handle())).contains(verified);
    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10)).containsExactly(verified);
  }

  /** Conditional update succeeds only on the version it read. */
  @Test
  public void conditionalUpdateSucceedsOnlyOnTheVersionItRead() {
    Registration r = insert(agency(EDITION, "Racing_PD"));
    Registration verified = r.withStatus(RegistrationStatus.VERIFIED, at(3600));
    Registration withdrawn = r.withStatus(RegistrationStatus.WITHDRAWN, at(3601));

    assertThat(store().update(r, withdrawn)).isTrue();
    assertThat(store().update(r, verified)).isFalse();

    assertThat(stored(r.id())).isEqualTo(withdrawn);
    assertThat(
            store().update(withdrawn, withdrawn.withStatus(RegistrationStatus.VERIFIED, at(3700))))
        .isTrue();
  }

  /** Conditional update of an unknown id is false. */
  @Test
  public void conditionalUpdateOfAnUnknownIdIsFalse() {
    Registration r = agency(EDITION, "Nobody_PD");

    assertThat(store().update(r, r.withStatus(RegistrationStatus.VERIFIED, at(60)))).isFalse();
    assertThat(store().find(r.id())).isEmpty();
  }

  /** Update sets and clears optional values. */
  @Test
  public void updateSetsAndClearsOptionalValues() {
    Registration r = insert(Registrations.withAddress(agency(EDITION, "Moving_PD")));
    Registration changed =
        r.toBuilder()
            .address(null)
            .coordinates(null)
            .accountId("42")
            .emailNeedsReview(true)
            .email("records@moving.police.gov")
            .updatedAt(at(60))
            .build();

    store().update(changed);

    Registration found = stored(r.id());
    assertThat(found.address()).isEmpty();
    assertThat(found.coordinates()).isEmpty();
    assertThat(found.accountId()).contains("42");
    assertThat(found).isEqualTo(changed);
  }

  /** Update may change the handles display case. */
  @Test
  public void updateMayChangeTheHandlesDisplayCase() {
    // Handles compare case-insensitively, so a new display case (say, as the directory spells it)
    // is the same handle.
    Registration r = insert(agency(EDITION, "poltwt_case"));
    Registration recased =
        r.toBuilder().handle(TwitterHandle.of("PolTwt_Case")).updatedAt(at(60)).build();

    store().update(recased);

    assertThat(stored(r.id()).handle().value()).isEqualTo("PolTwt_Case");
    assertThat(store().findByHandle(EDITION, TwitterHandle.of("POLTWT_CASE"))).contains(recased);
  }

  /** Update of an unknown id fails. */
  @Test
  public void updateOfAnUnknownIdFails() {
    Registration never = agency(EDITION, "Never_Saved");

    assertThatExceptionOfType(NoSuchElementException.class).isThrownBy(() -> store().update(never));
    assertThat(store().find(never.id())).isEmpty();
    assertThat(store().count(RegistrationQuery.of(EDITION))).isZero();
  }

  /** Update that changes the edition fails. */
  @Test
  public void updateThatChangesTheEditionFails() {
    Registration r = insert(agency(EDITION, "Stay_Put"));
    Registration moved = r.toBuilder().edition(OTHER_EDITION).build();

    assertThatIllegalArgumentException().isThrownBy(() -> store().update(moved));
    assertThat(store().find(r.id())).contains(r);
    assertThat(store().count(RegistrationQuery.of(OTHER_EDITION))).isZero();
  }

  /** Update that changes the handle fails. */
  @Test
  public void updateThatChangesTheHandleFails() {
    Registration r = insert(agency(EDITION, "Old_Handle"));
    Registration renamed = r.toBuilder().handle(TwitterHandle.of("New_Handle")).build();

    assertThatIllegalArgumentException().isThrownBy(() -> store().update(renamed));
    assertThat(store().find(r.id())).contains(r);
    assertThat(store().findByHandle(EDITION, TwitterHandle.of("Old_Handle"))).contains(r);
    assertThat(store().findByHandle(EDITION, TwitterHandle.of("New_Handle"))).isEmpty();
  }

  /** Update cannot bring back erased personal data. */
  @Test
  public void updateCannotBringBackErasedPersonalData() {
    // A caller that read the registration before it was erased must not undo the erasure.
    Registration r = insert(officer(EDITION, "Stale_Read"));
    Registration erased = store().erase(r.id(), at(60)).orElseThrow();

    assertThatIllegalStateException()
        .isThrownBy(() -> store().update(r.withStatus(RegistrationStatus.VERIFIED, at(120))));
    assertThat(store().find(r.id())).contains(erased);
  }

  /** Update of an erased registration with an erased copy succeeds. */
  @Test
  public void updateOfAnErasedRegistrationWithAnErasedCopySucceeds() {
    Registration r = insert(officer(EDITION, "Erased_Then"));
    Registration erased = store().erase(r.id(), at(60)).orElseThrow();
    Registration withdrawn = erased.withStatus(RegistrationStatus.WITHDRAWN, at(120));

    store().update(withdrawn);

    assertThat(store().find(r.id())).contains(withdrawn);
  }

  /** Update rejects null. */
  @Test
  public void updateRejectsNull() {
    assertThatNullPointerException().isThrownBy(() -> store().update(null));
  }

  // ---------------------------------------------------------------- a sign-up with its first token

  /** An unused token for a registration, issued at a fixture instant and valid for a day. */
  private static VerificationToken tokenFor(Registration r, String hash) {
    return new VerificationToken(hash, r.id(), at(1), at(86_401), Optional.empty());
  }

  /** Sixty-four hex digits, distinct for each seed. */
  private static String hash(char seed) {
    return String.valueOf(seed).repeat(64);
  }

  /** A registration inserted with its first token is stored, and so is the token. */
  @Test
  public void insertWithItsFirstTokenStoresBoth() {
    VerificationTokenStore tokens = newTokenStore();
    Registration r = agency(EDITION, "Signed_Up");
    VerificationToken token = tokenFor(r, hash('a'));

    store().insert(r, token, tokens);

    assertThat(store().find(r.id())).contains(r);
    assertThat(tokens.findByHash(token.hash())).contains(token);
  }

  /**
   * When the first token cannot be saved (its hash is taken), the registration is not stored
   * either: a sign-up never exists without the token that verifies it.
   */
  @Test
  public void insertWithAFirstTokenThatFailsStoresNeitherRegistrationNorToken() {
    VerificationTokenStore tokens = newTokenStore();
    Registration earlier = agency(EDITION, "Earlier_PD");
    VerificationToken taken = tokenFor(earlier, hash('b'));
    store().insert(earlier, taken, tokens);
    Registration r = agency(EDITION, "Unlucky_PD");

    assertThatIllegalStateException()
        .isThrownBy(() -> store().insert(r, tokenFor(r, taken.hash()), tokens));

    assertThat(store().find(r.id())).as("the registration whose token failed").isEmpty();
    assertThat(store().findByHandle(EDITION, r.handle())).isEmpty();
    assertThat(store().count(RegistrationQuery.of(EDITION))).isEqualTo(1);
    assertThat(tokens.findByHash(taken.hash())).contains(taken);
    // The handle is still free: the failed sign-up can be made again with a new token.
    store().insert(r, tokenFor(r, hash('c')), tokens);
    assertThat(store().find(r.id())).contains(r);
  }

  /** When the registration cannot be stored (its handle is taken), its token is not saved. */
  @Test
  public void insertOfADuplicateWithItsFirstTokenSavesNoToken() {
    VerificationTokenStore tokens = newTokenStore();
    store()
        .insert(
            agency(EDITION, "Taken_PD"), tokenFor(agency(EDITION, "Taken_PD"), hash('d')), tokens);
    Registration again = officer(EDITION, "TAKEN_PD");
    VerificationToken orphan = tokenFor(again, hash('e'));

    assertThatExceptionOfType(DuplicateRegistrationException.class)
        .isThrownBy(() -> store().insert(again, orphan, tokens));

    assertThat(tokens.findByHash(orphan.hash())).as("the duplicate's token").isEmpty();
    assertThat(store().find(again.id())).isEmpty();
  }

  // ---------------------------------------------------------------- createdAt

  /**
   * An update keeps {@code createdAt}: a copy that carries another one is refused, and the stored
   * registration keeps its place in the list order. (A store that writes every column back, or
   * stamps the time of the update, would silently move it.)
   */
  @Test
  public void createdAtSurvivesAnUpdate() {
    Registration first = insert(agencyBuilder(EDITION, "First_In", at(10)).build());
    Registration second = insert(agencyBuilder(EDITION, "Second_In", at(20)).build());
    Registration backdated =
        first.toBuilder()
            .createdAt(at(30))
            .updatedAt(at(3600))
            .status(RegistrationStatus.VERIFIED)
            .build();

    assertThatIllegalArgumentException().isThrownBy(() -> store().update(backdated));
    assertThatIllegalArgumentException().isThrownBy(() -> store().update(first, backdated));

    assertThat(stored(first.id())).isEqualTo(first);
    Registration verified = first.withStatus(RegistrationStatus.VERIFIED, at(3600));
    store().update(verified);
    assertThat(stored(first.id()).createdAt()).isEqualTo(at(10));
    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10))
        .containsExactly(verified, second);
  }

  // ---------------------------------------------------------------- list, order and paging

  /** Paging visits every match once in creation then id order. */
  @Test
  public void pagingVisitsEveryMatchOnceInCreationThenIdOrder() {
    List<Registration> expected = new ArrayList<>();
    for (int i = 0; i < 57; i++) {
      // Four registrations share each creation instant, so ties are decided by id.
      expected.add(
          agencyBuilder(EDITION, String.format(Locale.ROOT, "page_%02d", i), at(i / 4)).build());
    }
    List<Registration> inserted = new ArrayList<>(expected);
    for (int i = 0; i < 3; i++) {
      inserted.add(agencyBuilder(OTHER_EDITION, "elsewhere_" + i, at(i)).build());
    }
    Collections.shuffle(inserted, new Random(57));
    inserted.forEach(store()::insert);
    expected.sort(StoreOrder.registrations());

    List<Registration> visited = new ArrayList<>();
    List<Integer> pageSizes = new ArrayList<>();
    for (int offset = 0; ; offset += 10) {
      List<Registration> page = store().list(RegistrationQuery.of(EDITION), offset, 10);
      if (page.isEmpty()) {
        break;
      }
      pageSizes.add(page.size());
      visited.addAll(page);
    }

    assertThat(pageSizes).containsExactly(10, 10, 10, 10, 10, 7);
    assertThat(visited)
        .extracting(Registration::id)
        .doesNotHaveDuplicates()
        .containsExactlyElementsOf(expected.stream().map(Registration::id).toList());
    assertThat(store().count(RegistrationQuery.of(EDITION))).isEqualTo(57);
  }

  /** List orders by creation time before id. */
  @Test
  public void listOrdersByCreationTimeBeforeId() {
    Registration later =
        insert(
            agencyBuilder(EDITION, "later", at(10))
                .id(uuid("00000000-0000-4000-8000-000000000001"))
                .build());
    Registration earlier =
        insert(
            agencyBuilder(EDITION, "earlier", at(5))
                .id(uuid("ffffffff-ffff-4fff-bfff-ffffffffffff"))
                .build());

    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10)).containsExactly(earlier, later);
  }

  /** Ties in creation time are ordered by id as an unsigned number. */
  @Test
  public void tiesInCreationTimeAreOrderedByIdAsAnUnsignedNumber() {
    // The order of the canonical string form and of SQL uuid columns. UUID.compareTo would put the
    // ids with the top bit set first.
    String[] ids = {
      "ffffffff-0000-4000-8000-000000000000",
      "00000000-0000-4000-8000-000000000000",
      "80000000-0000-4000-8000-000000000000",
      "7fffffff-0000-4000-8000-000000000000",
      "00000000-0000-4000-ffff-000000000000",
      "00000000-0000-4000-7fff-000000000000",
    };
    for (int i = 0; i < ids.length; i++) {
      insert(agencyBuilder(EDITION, "tie_" + i, at(0)).id(uuid(ids[i])).build());
    }

    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10))
        .extracting(r -> r.id().toString())
        .containsExactly(
            "00000000-0000-4000-7fff-000000000000",
            "00000000-0000-4000-8000-000000000000",
            "00000000-0000-4000-ffff-000000000000",
            "7fffffff-0000-4000-8000-000000000000",
            "80000000-0000-4000-8000-000000000000",
            "ffffffff-0000-4000-8000-000000000000");
  }

  /** List past the last match is empty. */
  @Test
  public void listPastTheLastMatchIsEmpty() {
    insert(agency(EDITION, "Only_One"));

    assertThat(store().list(RegistrationQuery.of(EDITION), 1, 10)).isEmpty();
    assertThat(store().list(RegistrationQuery.of(EDITION), 1_000, 10)).isEmpty();
  }

  /** List returns at most limit. */
  @Test
  public void listReturnsAtMostLimit() {
    for (int i = 0; i < 3; i++) {
      insert(agencyBuilder(EDITION, "limit_" + i, at(i)).build());
    }

    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 1))
        .extracting(r -> r.handle().value())
        .containsExactly("limit_0");
    assertThat(store().list(RegistrationQuery.of(EDITION), 1, 2))
        .extracting(r -> r.handle().value())
        .containsExactly("limit_1", "limit_2");
    assertThat(store().list(RegistrationQuery.of(EDITION), 0, Integer.MAX_VALUE)).hasSize(3);
  }

  /** List rejects a negative offset. */
  @Test
  public void listRejectsANegativeOffset() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().list(RegistrationQuery.of(EDITION), -1, 10));
  }

  /** List rejects a limit below one. */
  @Test
  public void listRejectsALimitBelowOne() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().list(RegistrationQuery.of(EDITION), 0, 0));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> store().list(RegistrationQuery.of(EDITION), 0, -1));
  }

  /** An edition without registrations lists and counts nothing. */
  @Test
  public void anEditionWithoutRegistrationsListsAndCountsNothing() {
    insert(agency(EDITION, "Metro_PD"));

    assertThat(store().list(RegistrationQuery.of(OTHER_EDITION), 0, 10)).isEmpty();
    assertThat(store().count(RegistrationQuery.of(OTHER_EDITION))).isZero();
  }

  // ---------------------------------------------------------------- filters

  /**
   * Six registrations, created one second apart in this order, with these traits:
   *
   * <pre>
   * handle     edition  type     level     country zone              status
   * f_metro    1        AGENCY   LOCAL     US      America/New_York  VERIFIED
   * f_beat     1        OFFICER  NATIONAL  GB      Europe/London     PENDING_VERIFICATION
   * f_state    1        AGENCY   STATE     US      America/Chicago   WITHDRAWN
   * f_patrol   1        OFFICER  LOCAL     US      America/New_York  VERIFIED
   * f_nepal    1        AGENCY   NATIONAL  NP      Asia/Kathmandu    PENDING_REVIEW
   * f_metro    2        AGENCY   LOCAL     US      America/New_York  VERIFIED
   * </pre>
   */
  private void insertFilterFixtures() {
    insert(agencyBuilder(EDITION, "f_metro", at(1)).status(RegistrationStatus.VERIFIED).build());
    insert(officerBuilder(EDITION, "f_beat", at(2)).build());
    insert(
        agencyBuilder(EDITION, "f_state", at(3))
            .agencyLevel(AgencyLevel.STATE_OR_PROVINCE)
            .zone(ZoneId.of("America/Chicago"))
            .status(RegistrationStatus.WITHDRAWN)
            .build());
    insert(
        officerBuilder(EDITION, "f_patrol", at(4))
            .agencyLevel(AgencyLevel.LOCAL)
            .country("US")
            .zone(ZoneId.of("America/New_York"))
            .status(RegistrationStatus.VERIFIED)
            .build());
    insert(
        agencyBuilder(EDITION, "f_nepal", at(5))
            .agencyLevel(AgencyLevel.NATIONAL)
            .country("NP")
            .zone(ZoneId.of("Asia/Kathmandu"))
            .status(RegistrationStatus.PENDING_REVIEW)
            .build());
    insert(
        agencyBuilder(OTHER_EDITION, "f_metro", at(6)).status(RegistrationStatus.VERIFIED).build());
  }

  /** Checks that list and count agree and give exactly these handles, in this order. */
  private void assertMatches(RegistrationQuery query, String... handles) {
    assertThat(store().list(query, 0, 100))
        .as("list(%s)", query)
        .allMatch(query::matches)
        .extracting(r -> r.handle().value())
        .containsExactly(handles);
    assertThat(store().count(query)).as("count(%s)", query).isEqualTo(handles.length);
  }

  /** Filters by edition. */
  @Test
  public void filtersByEdition() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION), "f_metro", "f_beat", "f_state", "f_patrol", "f_nepal");
    assertMatches(RegistrationQuery.of(OTHER_EDITION), "f_metro");
    assertMatches(RegistrationQuery.of(3));
  }

  /** Filters by status. */
  @Test
  public void filtersByStatus() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION).withStatus(RegistrationStatus.VERIFIED),
        "f_metro",
        "f_patrol");
    assertMatches(
        RegistrationQuery.of(EDITION).withStatus(RegistrationStatus.PENDING_REVIEW), "f_nepal");
    assertMatches(
        RegistrationQuery.of(EDITION).withStatus(RegistrationStatus.WITHDRAWN), "f_state");
  }

  /** Filters by country in any case. */
  @Test
  public void filtersByCountryInAnyCase() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION).withCountry("US"), "f_metro", "f_state", "f_patrol");
    assertMatches(RegistrationQuery.of(EDITION).withCountry("gb"), "f_beat");
    assertMatches(RegistrationQuery.of(EDITION).withCountry("FR"));
  }

  /** Filters by zone. */
  @Test
  public void filtersByZone() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION).withZone(ZoneId.of("America/New_York")),
        "f_metro",
        "f_patrol");
    assertMatches(RegistrationQuery.of(EDITION).withZone(ZoneId.of("Asia/Kathmandu")), "f_nepal");
    assertMatches(RegistrationQuery.of(EDITION).withZone(ZoneId.of("Europe/Paris")));
  }

  /** Filters by agency level. */
  @Test
  public void filtersByAgencyLevel() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION).withAgencyLevel(AgencyLevel.LOCAL), "f_metro", "f_patrol");
    assertMatches(
        RegistrationQuery.of(EDITION).withAgencyLevel(AgencyLevel.NATIONAL), "f_beat", "f_nepal");
    assertMatches(RegistrationQuery.of(EDITION).withAgencyLevel(AgencyLevel.INTERNATIONAL));
  }

  /** Filters by account type. */
  @Test
  public void filtersByAccountType() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION).withAccountType(AccountType.OFFICER), "f_beat", "f_patrol");
    assertMatches(
        RegistrationQuery.of(EDITION).withAccountType(AccountType.AGENCY),
        "f_metro",
        "f_state",
        "f_nepal");
  }

  /** Combines filters. */
  @Test
  public void combinesFilters() {
    insertFilterFixtures();

    assertMatches(
        RegistrationQuery.of(EDITION)
            .withCountry("US")
            .withStatus(RegistrationStatus.VERIFIED)
            .withAccountType(AccountType.AGENCY),
        "f_metro");
    assertMatches(
        RegistrationQuery.of(EDITION)
            .withCountry("US")
            .withZone(ZoneId.of("America/New_York"))
            .withAgencyLevel(AgencyLevel.LOCAL)
            .withAccountType(AccountType.OFFICER)
            .withStatus(RegistrationStatus.VERIFIED),
        "f_patrol");
    assertMatches(
        RegistrationQuery.of(EDITION).withCountry("GB").withAccountType(AccountType.AGENCY));
  }

  /** Filtered pages follow the same order. */
  @Test
  public void filteredPagesFollowTheSameOrder() {
    insertFilterFixtures();
    RegistrationQuery us = RegistrationQuery.of(EDITION).withCountry("US");

    assertThat(store().list(us, 0, 2))
        .extracting(r -> r.handle().value())
        .containsExactly("f_metro", "f_state");
    assertThat(store().list(us, 2, 2))
        .extracting(r -> r.handle().value())
        .containsExactly("f_patrol");
  }

  // ---------------------------------------------------------------- erase

  /** Erasure removes personal data and keeps what the counts need. */
  @Test
  public void erasureRemovesPersonalDataAndKeepsWhatTheCountsNeed() {
    Registration r = insert(Registrations.complete(EDITION, "Erase_Me"));
    Instant at = at(86_400);

    Registration erased = store().erase(r.id(), at).orElseThrow();

    assertThat(erased).isEqualTo(r.erased(at));
    assertThat(erased.erasedAt()).contains(at);
    assertThat(erased.email()).isEmpty();
    assertThat(erased.officerName()).isEmpty();
    assertThat(erased.officerNameOnMap()).isFalse();
    assertThat(erased.address()).isEmpty();
    assertThat(erased.coordinates()).isEmpty();
    assertThat(erased.edition()).isEqualTo(EDITION);
    assertThat(erased.handle().value()).isEqualTo("Erase_Me");
    assertThat(erased.accountType()).isEqualTo(r.accountType());
    assertThat(erased.agencyLevel()).isEqualTo(r.agencyLevel());
    assertThat(erased.country()).isEqualTo(r.country());
    assertThat(erased.zone()).isEqualTo(r.zone());
    assertThat(erased.status()).isEqualTo(r.status());
    assertThat(erased.toString()).doesNotContain(r.email(), r.officerName().orElseThrow());

    assertThat(store().find(r.id())).contains(erased);
    assertThat(store().findByHandle(EDITION, r.handle())).contains(erased);
    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10)).containsExactly(erased);
    assertThat(store().count(RegistrationQuery.of(EDITION).withCountry(r.country()))).isEqualTo(1);
    assertThat(store().count(RegistrationQuery.of(EDITION).withZone(r.zone()))).isEqualTo(1);
    assertThat(store().count(RegistrationQuery.of(EDITION).withAgencyLevel(r.agencyLevel())))
        .isEqualTo(1);
  }

  /** Erasure touches only that registration. */
  @Test
  public void erasureTouchesOnlyThatRegistration() {
    Registration kept = insert(Registrations.withAddress(officer(EDITION, "Kept_Ofcr")));
    Registration gone = insert(Registrations.withAddress(officer(EDITION, "Gone_Ofcr")));

    store().erase(gone.id(), at(60));

    assertThat(store().find(kept.id())).contains(kept);
    assertThat(stored(gone.id()).isErased()).isTrue();
  }

  /** Erase of an unknown id is empty. */
  @Test
  public void eraseOfAnUnknownIdIsEmpty() {
    Registration r = insert(agency(EDITION, "Untouched"));

    assertThat(store().erase(UUID.randomUUID(), at(60))).isEmpty();
    assertThat(store().find(r.id())).contains(r);
  }

  /** Erased registrations hold no personal data anywhere in a list. */
  @Test
  public void erasedRegistrationsHoldNoPersonalDataAnywhereInAList() {
    Set<String> emails = new HashSet<>();
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      Registration r =
          insert(Registrations.withAddress(officerBuilder(EDITION, "ofcr_" + i, at(i)).build()));
      emails.add(r.email());
      ids.add(r.id());
    }
    ids.forEach(id -> store().erase(id, at(3600)));

    assertThat(store().list(RegistrationQuery.of(EDITION), 0, 10))
        .hasSize(5)
        .allSatisfy(
            r -> {
              assertThat(r.isErased()).isTrue();
              assertThat(r.email()).isEmpty();
              assertThat(r.officerName()).isEmpty();
              assertThat(r.address()).isEmpty();
              assertThat(r.coordinates()).isEmpty();
              assertThat(emails).noneMatch(r.toString()::contains);
            });
  }

  private static UUID uuid(String s) {
    return UUID.fromString(s);
  }
}
