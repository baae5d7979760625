package org.poltwt.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.TwitterAccount;

/**
 * The behaviour every {@link AccountDirectory} must have. An implementation's test extends this
 * class and supplies {@link #newDirectory()}, a directory that knows {@link #ACCOUNT}, knows {@link
 * #SUSPENDED} as suspended and has no other account, and {@link #unreachableDirectory()}. The test
 * methods are public so that subclasses in any package inherit them.
 */
public abstract class AccountDirectoryContract {
  /** The one active account the directory knows. */
  protected static final TwitterAccount ACCOUNT =
      new TwitterAccount(
          "1400000000000000001", TwitterHandle.of("PolTwt_HQ"), "PolTwt HQ", false, true);

  /** The handle of a suspended account. */
  protected static final TwitterHandle SUSPENDED = TwitterHandle.of("Rogue_PD");

  /** A handle no account has. */
  protected static final TwitterHandle UNKNOWN = TwitterHandle.of("Nobody_PD");

  /** The code of a directory that could not be asked. */
  protected static final String UNAVAILABLE = "directory.unavailable";

  /**
   * Creates a directory that finds {@link #ACCOUNT}, answers {@link #SUSPENDED} as suspended, and
   * finds no account for any other handle.
   *
   * @return the directory
   */
  protected abstract AccountDirectory newDirectory();

  /**
   * Creates a directory that cannot be asked: its service is down or refuses.
   *
   * @return the directory
   */
  protected abstract AccountDirectory unreachableDirectory();

  /** A known account is found whole, whatever the case the handle is asked in. */
  @Test
  public void aKnownAccountIsFoundInAnyCase() {
    AccountLookup answer = newDirectory().lookup(TwitterHandle.of("poltwt_hq"));

    assertThat(answer.status()).isEqualTo(AccountLookup.Status.FOUND);
    assertThat(answer.account()).contains(ACCOUNT);
    assertThat(answer.handle()).isEqualTo(ACCOUNT.handle());
  }

  /** An unknown handle is not found, and the answer names the handle asked about. */
  @Test
  public void anUnknownHandleIsNotFound() {
    AccountLookup answer = newDirectory().lookup(UNKNOWN);

    assertThat(answer).isEqualTo(AccountLookup.notFound(UNKNOWN));
  }

  /** A suspended account is suspended, not found and not missing. */
  @Test
  public void aSuspendedAccountIsSuspended() {
    AccountLookup answer = newDirectory().lookup(SUSPENDED);

    assertThat(answer.status()).isEqualTo(AccountLookup.Status.SUSPENDED);
    assertThat(answer.account()).isEmpty();
    assertThat(answer.handle()).isEqualTo(SUSPENDED);
  }

  /**
   * A batch answers once per distinct handle, in the order given, each under its own handle and
   * exactly as a single look-up would.
   */
  @Test
  public void aBatchAnswersEachHandleAsASingleLookUpWould() {
    AccountDirectory directory = newDirectory();
    List<TwitterHandle> asked =
        List.of(UNKNOWN, TwitterHandle.of("POLTWT_HQ"), SUSPENDED, TwitterHandle.of("polTwt_hq"));

    Map<TwitterHandle, AccountLookup> answers = directory.lookupAll(asked);

    assertThat(answers.keySet()).containsExactly(UNKNOWN, ACCOUNT.handle(), SUSPENDED);
    answers.forEach(
        (handle, answer) -> {
          assertThat(answer.handle()).as("the answer under %s", handle).isEqualTo(handle);
          assertThat(answer)
              .as("batch vs single for %s", handle)
              .isEqualTo(directory.lookup(handle));
        });
  }

  /** An empty batch asks nothing and answers nothing. */
  @Test
  public void anEmptyBatchIsAnEmptyAnswer() {
    assertThat(newDirectory().lookupAll(List.of())).isEmpty();
  }

  /**
   * A directory that cannot be asked fails with {@value #UNAVAILABLE}, for one handle and for a
   * batch, rather than answering "not found".
   */
  @Test
  public void aDirectoryThatCannotBeAskedFailsWithItsCode() {
    AccountDirectory down = unreachableDirectory();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> down.lookup(ACCOUNT.handle()))
        .satisfies(e -> assertThat(e.code()).isEqualTo(UNAVAILABLE));
    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> down.lookupAll(List.of(ACCOUNT.handle(), UNKNOWN)))
        .satisfies(e -> assertThat(e.code()).isEqualTo(UNAVAILABLE));
  }
}
