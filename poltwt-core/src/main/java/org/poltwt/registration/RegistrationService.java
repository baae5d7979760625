package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.VerificationTokenStore;

/**
 * Sign-up for an edition: register an account, verify its email, look up the registered email
 * (masked), withdraw, erase, and the organisers' review of emails the policy could not confirm.
 *
 * <p>Create one with {@link #builder()}. Instances are thread-safe and keep no state of their own:
 * several instances may share one set of stores.
 *
 * <p>Lifecycle: {@code register} stores a {@link RegistrationStatus#PENDING_VERIFICATION}
 * registration and mails a single-use link; {@code verify} makes it {@link
 * RegistrationStatus#VERIFIED}, or {@link RegistrationStatus#PENDING_REVIEW} when the email's
 * domain needs an organiser's {@code approve}.
 */
public interface RegistrationService {

  /**
   * Validates and stores a sign-up, and mails the verification link to its email address.
   *
   * @param request what the form submitted
   * @return the stored registration, pending verification
   * @throws InvalidRegistrationException listing every field that failed (including an unknown
   *     edition, a closed edition, a rejected email, or a Twitter account that does not exist or is
   *     suspended); nothing is stored
   * @throws DuplicateRegistrationException if the handle is already registered for the edition
   */
  Registration register(RegistrationRequest request);

  /**
   * Confirms an email address with the token from the verification mail. Each token works once.
   *
   * @param token the token as mailed
   * @return the registration, now verified or pending review
   * @throws VerificationException.UnknownToken if no such token was issued
   * @throws VerificationException.UsedToken if it was already used
   * @throws VerificationException.ExpiredToken if it expired
   */
  Registration verify(String token);

  /**
   * Mails a new verification link to a registration still pending verification. Earlier links stay
   * valid until they expire.
   *
   * @param id the registration's id
   * @throws RegistrationStateException if the registration is unknown or not pending verification
   */
  void resendVerification(UUID id);

  /** How long after a verification mail a registration may be sent another one. */
  Duration NEW_LINK_INTERVAL = Duration.ofHours(1);

  /**
   * Answers "send me a new link" from someone who knows only the handle. If the handle has a
   * registration pending verification in the edition, a new link is mailed to its address, unless a
   * link was issued for it less than {@link #NEW_LINK_INTERVAL} ago (the sign-up's own link
   * counts). Otherwise nothing happens. Either way the call returns normally and tells nothing, so
   * it cannot be used to learn who signed up; it is safe to repeat. The time of the latest link
   * comes from the shared token store, so the limit holds across instances. Earlier links stay
   * valid until they expire.
   *
   * @param edition the edition's number
   * @param handle the handle, with or without {@code @}
   * @throws InvalidRegistrationException (field {@code handle}) if the handle is malformed
   */
  void requestNewLink(int edition, String handle);

  /**
   * Answers "which email did I register with?" for an account, masked ({@code j•••@p•••.gov}),
   * never whole.
   *
   * @param edition the edition's number
   * @param handle the handle, with or without {@code @}
   * @return the masked address, or empty if the handle is not registered (or was erased)
   * @throws InvalidRegistrationException (field {@code handle}) if the handle is malformed
   */
  Optional<String> registeredEmail(int edition, String handle);

  /**
   * Finds a registration by id.
   *
   * @param id the id
   * @return the registration, or empty
   */
  Optional<Registration> find(UUID id);

  /**
   * Finds the registration of an account for an edition.
   *
   * @param edition the edition's number
   * @param handle the handle, with or without {@code @}
   * @return the registration, or empty
   * @throws InvalidRegistrationException (field {@code handle}) if the handle is malformed
   */
  Optional<Registration> findByHandle(int edition, String handle);

  /**
   * Withdraws a registration: the account no longer takes part and leaves the map.
   *
   * @param id the registration's id
   * @return the withdrawn registration
   * @throws RegistrationStateException if it is unknown
   */
  Registration withdraw(UUID id);

  /**
   * Erases a registration's personal data (email, officer name, address, coordinates) and its
   * verification tokens, keeping only what the wrap-up counts need.
   *
   * @param id the registration's id
   * @return the erased registration
   * @throws RegistrationStateException if it is unknown
   */
  Registration erase(UUID id);

  /**
   * An organiser accepts an email the policy could not confirm, and the registrant is mailed so. A
   * mail that cannot be sent is logged (by code, never the address) and does not undo the approval.
   *
   * @param id the registration's id
   * @return the registration, now verified
   * @throws RegistrationStateException if it is unknown or not pending review
   */
  Registration approve(UUID id);

  /**
   * An organiser turns down an email the policy could not confirm; the registration is withdrawn
   * and the registrant is mailed so. A mail that cannot be sent is logged (by code, never the
   * address) and does not undo the rejection.
   *
   * @param id the registration's id
   * @return the withdrawn registration
   * @throws RegistrationStateException if it is unknown, or neither pending review nor pending
   *     verification with an email that needs review
   */
  Registration reject(UUID id);

  /**
   * Starts configuring a service. Every store, the mailer and the account directory are required.
   *
   * @return a new builder
   */
  static Builder builder() {
    return new Builder();
  }

  /** Configures a {@link RegistrationService}; each setter checks its argument at once. */
  final class Builder {
    EditionStore editions;
    RegistrationStore registrations;
    VerificationTokenStore tokens;
    Mailer mailer;
    AccountDirectory accounts;
    GovernmentEmailPolicy emailPolicy;
    Clock clock = Clock.systemUTC();
    Duration tokenTtl = Duration.ofHours(48);
    Function<String, String> verificationLink = token -> token;
    Locale mailLocale = Locale.ENGLISH;

    Builder() {}

    /**
     * Sets where editions are kept.
     *
     * @param editions the store
     * @return this builder
     */
    public Builder editionStore(EditionStore editions) {
      this.editions = requireNonNull(editions, "editions");
      return this;
    }

    /**
     * Sets where registrations are kept.
     *
     * @param registrations the store
     * @return this builder
     */
    public Builder registrationStore(RegistrationStore registrations) {
      this.registrations = requireNonNull(registrations, "registrations");
      return this;
    }

    /**
     * Sets where verification tokens are kept.
     *
     * @param tokens the store
     * @return this builder
     */
    public Builder tokenStore(VerificationTokenStore tokens) {
      this.tokens = requireNonNull(tokens, "tokens");
      return this;
    }

    /**
     * Sets how verification mail is sent.
     *
     * @param mailer the mailer
     * @return this builder
     */
    public Builder mailer(Mailer mailer) {
      this.mailer = requireNonNull(mailer, "mailer");
      return this;
    }

    /**
     * Sets how Twitter accounts are checked.
     *
     * @param accounts the directory
     * @return this builder
     */
    public Builder accountDirectory(AccountDirectory accounts) {
      this.accounts = requireNonNull(accounts, "accounts");
      return this;
    }

    /**
     * Sets the government-email policy; {@link GovernmentEmailPolicy#defaults()} unless set.
     *
     * @param emailPolicy the policy
     * @return this builder
     */
    public Builder emailPolicy(GovernmentEmailPolicy emailPolicy) {
      this.emailPolicy = requireNonNull(emailPolicy, "emailPolicy");
      return this;
    }

    /**
     * Sets the clock; {@link Clock#systemUTC()} unless set.
     *
     * @param clock the clock
     * @return this builder
     */
    public Builder clock(Clock clock) {
      this.clock = requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Sets how long a verification token stays valid; 48 hours unless set.
     *
     * @param tokenTtl a positive duration of at most 30 days
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than 30 days
     */
    public Builder tokenTtl(Duration tokenTtl) {
      requireNonNull(tokenTtl, "tokenTtl");
      if (tokenTtl.isNegative()
          || tokenTtl.isZero()
          || tokenTtl.compareTo(Duration.ofDays(30)) > 0) {
        throw new IllegalArgumentException("tokenTtl: must be positive and at most 30 days");
      }
      this.tokenTtl = tokenTtl;
      return this;
    }

    /**
     * Sets how a token becomes the link in the mail, for example {@code t ->
     * "https://example.org/verify?token=" + t}. Tokens are URL-safe. Unless set, the mail shows the
     * bare token.
     *
     * @param verificationLink maps a token to the text the mail shows
     * @return this builder
     */
    public Builder verificationLink(Function<String, String> verificationLink) {
      this.verificationLink = requireNonNull(verificationLink, "verificationLink");
      return this;
    }

    /**
     * Sets the language of the mails the service sends (verification, approval, rejection), whose
     * texts come from the bundle {@code org/poltwt/registration/mails}; a language without a
     * translation gets English. Unless set, English.
     *
     * @param mailLocale the mails' locale
     * @return this builder
     */
    public Builder mailLocale(Locale mailLocale) {
      this.mailLocale = requireNonNull(mailLocale, "mailLocale");
      return this;
    }

    /**
     * Builds the service.
     *
     * @return the service
     * @throws IllegalStateException if a store, the mailer or the account directory is missing
     */
    public RegistrationService build() {
      require(editions, "editionStore");
      require(registrations, "registrationStore");
      require(tokens, "tokenStore");
      require(mailer, "mailer");
      require(accounts, "accountDirectory");
      if (emailPolicy == null) {
        emailPolicy = GovernmentEmailPolicy.defaults();
      }
      return new DefaultRegistrationService(this);
    }

    private static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + ": is required");
      }
    }
  }

  /**
   * Places a registration on the map at a point, as an organiser does for a sign-up whose city the
   * geocoder could not find. The point is stored as the registration's coordinates, so the map
   * shows it there from then on; placing it where it already is changes nothing. The store's
   * compare-and-set keeps a concurrent change (a withdrawal, an approval) from being overwritten.
   *
   * @param id the registration
   * @param at where it is
   * @return the placed registration
   * @throws InvalidRegistrationException naming {@code address} if the registration has no physical
   *     address, without which the map does not show it
   * @throws RegistrationStateException with code {@code registration.not-found} if there is no such
   *     registration, {@code registration.wrong-state} if it is withdrawn or erased, {@code
   *     registration.conflict} if it changed while being placed; nothing is changed
   */
  Registration place(UUID id, Coordinates at);
}
