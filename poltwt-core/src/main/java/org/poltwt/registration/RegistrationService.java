package org.poltwt.registration;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;
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
   * An organiser approves a registration and trusts its email's domain in one step: the domain is
   * stored as trusted (so later sign-ups from it, in any edition, are accepted without review), the
   * registration is approved, and so is every other registration pending review whose email is at
   * that domain or a subdomain of it, in any edition. Each is mailed as {@link #approve} mails.
   * Revoking the domain later stops future acceptance; it does not undo these approvals.
   *
   * @param id the registration's id
   * @param by who decides, for the stored decision (an organiser's name or account); not blank
   * @return every registration approved, the given one first
   * @throws RegistrationStateException if it is unknown or not pending review
   * @throws IllegalStateException if the service has no {@link Builder#trustedDomainStore} store
   * @throws IllegalArgumentException if {@code by} is blank or too long, or the domain cannot be
   *     trusted (a public webmail domain)
   */
  List<Registration> approveAndTrust(UUID id, String by);

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
   * A new "manage my registration" link for a registration, as the mails carry it: for a site to
   * offer right after verification. Every mail about a registration carries a fresh one.
   *
   * @param id the registration
   * @return the link, or empty when the service has no {@link Builder#manageLinks manage links} or
   *     the registration is closed (withdrawn, erased)
   * @throws RegistrationStateException if no registration has this id
   */
  Optional<String> manageLink(UUID id);

  /**
   * A new manage link for a registration already read, without reading it again: for a caller that
   * mails many registrants, such as {@link org.poltwt.announcement.AnnouncementService}.
   *
   * @param registration the registration
   * @return the link, or empty when the service has no manage links or the registration is closed
   */
  Optional<String> manageLink(Registration registration);

  /**
   * The registration a manage link's token opens.
   *
   * @param token the token of a link from {@link #manageLink} or a mail
   * @return the registration
   * @throws ManageLinkException if the token is not one this service signed, has expired, or its
   *     registration was withdrawn or erased
   * @throws IllegalStateException if the service has no manage links
   */
  Registration manage(String token);

  /**
   * Changes a registration through its manage link, and mails the registrant (in the changed
   * language) what it now says, with a calendar invite that moves their event when the service has
   * {@link Builder#calendarInvites invites}.
   *
   * @param token the link's token
   * @param change the new values, usually {@link RegistrationChange#of} the current ones with some
   *     changed
   * @return the changed registration; the same one when nothing changed
   * @throws ManageLinkException as {@link #manage}
   * @throws InvalidRegistrationException naming the field a value breaks; nothing is changed
   * @throws RegistrationStateException if it changed meanwhile (read it again)
   */
  Registration change(String token, RegistrationChange change);

  /**
   * Withdraws a registration through its manage link, and mails the registrant a confirmation with
   * the calendar cancellation. The link stops working.
   *
   * @param token the link's token
   * @return the withdrawn registration
   * @throws ManageLinkException as {@link #manage}
   */
  Registration withdrawWithLink(String token);

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
    TrustedDomainStore trustedDomains;
    Clock clock = Clock.systemUTC();
    Duration tokenTtl = Duration.ofHours(48);
    Function<String, String> verificationLink = token -> token;
    Locale mailLocale = Locale.ENGLISH;
    ManageLinks manageLinks;
    Function<String, String> manageLink;
    Duration manageLinkTtl = Duration.ofDays(90);
    CalendarInvites invites;
    Geocoder geocoder;

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
     * Keeps the organisers' trusted email domains here: the service's email policy then trusts them
     * (over the bundled police list, see {@link
     * org.poltwt.registration.email.TrustedDomains#withDecisions}), and {@link #approveAndTrust}
     * writes to it. Without a store the policy trusts the bundled list only.
     *
     * @param store the store
     * @return this builder
     */
    public Builder trustedDomainStore(TrustedDomainStore store) {
      this.trustedDomains = requireNonNull(store, "store");
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
     * Sets the default language: the one a registration gets when its request names no language (or
     * none ISO 639 knows). Every mail about a registration (verification, approval, rejection,
     * changes) is in the registration's own language, from the bundle {@code
     * org/poltwt/registration/mails}; a language without a translation gets English. Unless set,
     * English.
     *
     * @param mailLocale the default language
     * @return this builder
     */
    public Builder mailLocale(Locale mailLocale) {
      this.mailLocale = requireNonNull(mailLocale, "mailLocale");
      return this;
    }

    /**
     * Turns on "manage my registration" links: every mail about a registration carries one, signed
     * with the key (HMAC-SHA-256), so the registrant can change or withdraw it. Every instance of a
     * deployment needs the same key; a new key voids every link sent before.
     *
     * @param key at least 32 secret random bytes
     * @param link maps a token to the link the mail shows, for example {@code t ->
     *     "https://example.org/manage/" + t}; tokens are URL-safe
     * @return this builder
     * @throws IllegalArgumentException if the key is shorter than 32 bytes
     */
    public Builder manageLinks(byte[] key, Function<String, String> link) {
      this.manageLinks = new ManageLinks(requireNonNull(key, "key").clone());
      this.manageLink = requireNonNull(link, "link");
      return this;
    }

    /**
     * Sets how long a manage link works after the mail that carries it; 90 days unless set.
     *
     * @param ttl a positive duration of at most a year
     * @return this builder
     * @throws IllegalArgumentException if not positive or longer than 366 days
     */
    public Builder manageLinkTtl(Duration ttl) {
      requireNonNull(ttl, "ttl");
      if (ttl.isNegative() || ttl.isZero() || ttl.compareTo(Duration.ofDays(366)) > 0) {
        throw new IllegalArgumentException("manageLinkTtl: must be positive and at most 366 days");
      }
      this.manageLinkTtl = ttl;
      return this;
    }

    /**
     * Attaches calendar files to the mails: the registrant's own 24 hours to the verification mail
     * and to each change, the cancellation to a withdrawal. Unless set, mails carry none.
     *
     * @param invites writes the files, for example {@code Invites.of(clock).attachments()} from
     *     {@code poltwt-calendar}
     * @return this builder
     */
    public Builder calendarInvites(CalendarInvites invites) {
      this.invites = requireNonNull(invites, "invites");
      return this;
    }

    /**
     * Sets the map's geocoder, so that the verification mail tells a registrant whose address it
     * cannot place that they are not on the map yet, and what to do. Unless set, mails say nothing
     * about the map.
     *
     * @param geocoder the geocoder the map uses
     * @return this builder
     */
    public Builder geocoder(Geocoder geocoder) {
      this.geocoder = requireNonNull(geocoder, "geocoder");
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
      if (trustedDomains != null) {
        emailPolicy =
            emailPolicy.withTrustedDomains(
                org.poltwt.registration.email.TrustedDomains.withDecisions(
                    domain -> trustedDomains.find(domain).map(TrustedDomain::trusted)));
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
