package org.poltwt.registration;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.hibernate.validator.HibernateValidator;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.poltwt.PoltwtException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.internal.SecretTokens;
import org.poltwt.registration.InvalidRegistrationException.FieldError;
import org.poltwt.registration.email.EmailAssessment;
import org.poltwt.registration.email.EmailMask;
import org.poltwt.registration.email.GovernmentEmailPolicy;
import org.poltwt.registration.email.TrustedDomains;
import org.poltwt.registration.email.Verdict;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.AccountLookup;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.TrustedDomain;
import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.spi.VerificationToken;
import org.poltwt.spi.VerificationTokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@link RegistrationService} behind {@link RegistrationService#builder()}. */
final class DefaultRegistrationService implements RegistrationService {
  private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

  /**
   * Bean Validation is costly to bootstrap and its validators are thread-safe: one for all
   * services.
   */
  private static final class Validators {
    static final Validator VALIDATOR;

    static {
      ValidatorFactory factory =
          Validation.byProvider(HibernateValidator.class)
              .configure()
              .messageInterpolator(new ParameterMessageInterpolator())
              .buildValidatorFactory();
      VALIDATOR = factory.getValidator();
    }
  }

  private final EditionStore editions;
  private final RegistrationStore registrations;
  private final VerificationTokenStore tokens;
  private final Mailer mailer;
  private final AccountDirectory accounts;
  private final TrustedDomainStore trustedDomains;
  private final GovernmentEmailPolicy emailPolicy;
  private final Clock clock;
  private final Duration tokenTtl;
  private final Function<String, String> verificationLink;
  private final Locale defaultLanguage;
  private final ManageLinks manageLinks;
  private final Function<String, String> manageLink;
  private final Duration manageLinkTtl;
  private final CalendarInvites invites;
  private final Geocoder geocoder;
  private final Map<Locale, RegistrationMails> mails = new ConcurrentHashMap<>();

  DefaultRegistrationService(RegistrationService.Builder b) {
    this.editions = b.editions;
    this.registrations = b.registrations;
    this.tokens = b.tokens;
    this.mailer = b.mailer;
    this.accounts = b.accounts;
    this.trustedDomains = b.trustedDomains;
    this.emailPolicy = b.emailPolicy;
    this.clock = b.clock;
    this.tokenTtl = b.tokenTtl;
    this.verificationLink = b.verificationLink;
    this.defaultLanguage = Registration.language(b.mailLocale);
    this.manageLinks = b.manageLinks;
    this.manageLink = b.manageLink;
    this.manageLinkTtl = b.manageLinkTtl;
    this.invites = b.invites;
    this.geocoder = b.geocoder;
  }

  @Override
  public Registration register(RegistrationRequest request) {
    java.util.Objects.requireNonNull(request, "request");
    request = request.stripped();
    Checked checked = check(request);
    TwitterHandle handle = checked.handle;
    if (registrations.findByHandle(request.edition(), handle).isPresent()) {
      throw new DuplicateRegistrationException(request.edition(), handle);
    }
    AccountLookup lookup = accounts.lookup(handle);
    switch (lookup.status()) {
      case NOT_FOUND:
        throw new InvalidRegistrationException("handle", "no Twitter account has this handle");
      case SUSPENDED:
        throw new InvalidRegistrationException("handle", "the Twitter account is suspended");
      default:
        break;
    }
    Instant now = clock.instant();
    Registration registration =
        Registration.builder()
            .edition(request.edition())
            .handle(lookup.account().map(a -> a.handle()).orElse(handle))
            .accountType(request.accountType())
            .agencyName(request.agencyName())
            .agencyLevel(request.agencyLevel())
            .officerName(
                request.accountType() == AccountType.OFFICER ? request.officerName() : null)
            .officerNameOnMap(
                request.accountType() == AccountType.OFFICER && request.officerNameOnMap())
            .email(checked.email)
            .address(checked.address)
            .coordinates(checked.coordinates)
            .country(request.country())
            .zone(checked.zone)
            .participationModel(request.participationModel())
            .language(language(request.language()))
            .status(RegistrationStatus.PENDING_VERIFICATION)
            .emailNeedsReview(checked.needsReview)
            .accountId(lookup.account().map(a -> a.id()).orElse(null))
            .createdAt(now)
            .build();
    String token = SecretTokens.newToken();
    // The row and its first token go in together: a sign-up is never stored without a way to verify
    // it.
    registrations.insert(registration, tokenRecord(token, registration, now), tokens);
    LOG.info(
        "registered {} for edition {} ({})",
        registration.id(),
        registration.edition(),
        registration.accountType());
    mailVerification(registration, checked.edition, token, now);
    return registration;
  }

  /** What {@link #check} proved about a request. */
  private static final class Checked {
    Edition edition;
    TwitterHandle handle;
    String email;
    boolean needsReview;
    PostalAddress address;
    Coordinates coordinates;
    ZoneId zone;
  }

  /** Validates everything that needs no network, collecting every failure before throwing. */
  private Checked check(RegistrationRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Set<String> failed = new HashSet<>();
    List<ConstraintViolation<RegistrationRequest>> violations =
        new ArrayList<>(Validators.VALIDATOR.validate(request));
    violations.sort(Comparator.comparing(v -> v.getPropertyPath().toString()));
    for (ConstraintViolation<RegistrationRequest> v : violations) {
      String field = v.getPropertyPath().toString();
      if (failed.add(field)) {
        errors.add(new FieldError(field, v.getMessage()));
      }
    }
    Checked c = new Checked();
    if (!failed.contains("handle")) {
      c.handle = TwitterHandle.of(request.handle().strip());
    }
    if (!failed.contains("edition")) {
      Optional<Edition> edition = editions.find(request.edition());
      if (edition.isEmpty()) {
        fail(errors, failed, "edition", "no edition has this number");
      } else if (edition.get().status() == EditionStatus.CANCELLED
          || edition.get().status() == EditionStatus.COMPLETED) {
        fail(
            errors,
            failed,
            "edition",
            "sign-up is closed: the edition is "
                + edition.get().status().name().toLowerCase(Locale.ROOT));
      } else {
        c.edition = edition.get();
      }
    }
    if (request.accountType() == AccountType.OFFICER && isBlank(request.officerName())) {
      fail(errors, failed, "officerName", "is required for an officer's account");
    }
    if (request.accountType() == AccountType.AGENCY && !isBlank(request.officerName())) {
      fail(errors, failed, "officerName", "must be empty for an agency's account");
    }
    if (request.accountType() == AccountType.AGENCY && request.officerNameOnMap()) {
      fail(errors, failed, "officerNameOnMap", "applies to officer accounts only");
    }
    for (String name : new String[] {"agencyName", "officerName"}) {
      String value = name.equals("agencyName") ? request.agencyName() : request.officerName();
      if (!failed.contains(name)
          && value != null
          && value.chars().anyMatch(Character::isISOControl)) {
        fail(errors, failed, name, "must not contain control characters");
      }
    }
    if (!failed.contains("email")) {
      EmailAssessment assessment = emailPolicy.assess(request.email());
      if (assessment.verdict() == Verdict.REJECTED) {
        fail(errors, failed, "email", assessment.reason());
      } else {
        c.email = assessment.normalizedAddress();
        c.needsReview = assessment.verdict() == Verdict.REVIEW;
      }
    }
    if (!failed.contains("country")) {
      try {
        Registration.countryCode(request.country());
      } catch (InvalidRegistrationException e) {
        fail(errors, failed, "country", e.reason());
      }
    }
    if (!failed.contains("zone")) {
      try {
        c.zone = ZoneId.of(request.zone().strip());
      } catch (DateTimeException e) {
        fail(errors, failed, "zone", "must be a time-zone id such as Europe/Madrid");
      }
    }
    boolean anyAddress =
        !isBlank(request.street())
            || !isBlank(request.city())
            || !isBlank(request.region())
            || !isBlank(request.postalCode());
    if (anyAddress) {
      try {
        c.address =
            new PostalAddress(
                request.street(), request.city(), request.region(), request.postalCode());
      } catch (InvalidRegistrationException e) {
        fail(errors, failed, e.field().replace("address.", ""), e.reason());
      }
    }
    if ((request.latitude() == null) != (request.longitude() == null)) {
      fail(
          errors,
          failed,
          request.latitude() == null ? "latitude" : "longitude",
          "latitude and longitude go together");
    } else if (request.latitude() != null
        && !failed.contains("latitude")
        && !failed.contains("longitude")) {
      try {
        c.coordinates = new Coordinates(request.latitude(), request.longitude());
      } catch (InvalidRegistrationException e) {
        fail(errors, failed, e.field().replace("coordinates.", ""), e.reason());
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidRegistrationException(errors);
    }
    return c;
  }

  /**
   * The language a request names, if it names one ISO 639 knows; the default otherwise, so a
   * browser's odd {@code Accept-Language} never fails a sign-up.
   */
  private Locale language(String tag) {
    if (tag == null || tag.isBlank() || tag.length() > 35) {
      return defaultLanguage;
    }
    String code = Locale.forLanguageTag(tag.strip()).getLanguage();
    return ISO_LANGUAGES.contains(code) ? Locale.forLanguageTag(code) : defaultLanguage;
  }

  private static final Set<String> ISO_LANGUAGES = Set.of(Locale.getISOLanguages());

  /** The mails in a registrant's language. */
  private RegistrationMails mails(Registration r) {
    return mails.computeIfAbsent(r.language(), RegistrationMails::of);
  }

  private static void fail(
      List<FieldError> errors, Set<String> failed, String field, String reason) {
    if (failed.add(field)) {
      errors.add(new FieldError(field, reason));
    }
  }

  private static boolean isBlank(String s) {
    return s == null || s.isBlank();
  }

  private VerificationToken tokenRecord(String token, Registration registration, Instant now) {
    return new VerificationToken(
        SecretTokens.hash(token), registration.id(), now, now.plus(tokenTtl), Optional.empty());
  }

  private void sendVerification(Registration registration, Edition edition, Instant now) {
    String token = SecretTokens.newToken();
    tokens.save(tokenRecord(token, registration, now));
    mailVerification(registration, edition, token, now);
  }

  private void mailVerification(
      Registration registration, Edition edition, String token, Instant now) {
    send(
        registration,
        "verification",
        () ->
            mails(registration)
                .verification(
                    registration,
                    edition,
                    verificationLink.apply(token),
                    now,
                    now.plus(tokenTtl),
                    extras(registration, edition, now, true, false)),
        "; resendVerification can retry");
  }

  /**
   * Sends one mail about a registration. Whatever the mailer throws fails that mail only: the
   * registration's change stands. Only the failure's code or type is logged: mail errors often
   * quote the recipient's address.
   */
  private void send(
      Registration registration, String what, java.util.function.Supplier<Mail> mail, String hint) {
    try {
      mailer.send(mail.get());
    } catch (RuntimeException e) {
      LOG.warn(
          "{} mail for registration {} not sent ({}){}",
          what,
          registration.id(),
          e instanceof PoltwtException ? ((PoltwtException) e).code() : e.getClass().getName(),
          hint);
    }
  }

  @Override
  public Registration verify(String token) {
    if (!SecretTokens.looksLikeToken(token)) {
      throw new VerificationException.UnknownToken();
    }
    String hash = SecretTokens.hash(token);
    VerificationToken stored =
        tokens
            .findByHash(hash)
            .filter(t -> SecretTokens.sameHash(t.hash(), hash))
            .orElseThrow(VerificationException.UnknownToken::new);
    if (stored.usedAt().isPresent()) {
      throw new VerificationException.UsedToken();
    }
    Instant now = clock.instant();
    if (!now.isBefore(stored.expiresAt())) {
      throw new VerificationException.ExpiredToken();
    }
    Registration registration =
        registrations
            .find(stored.registrationId())
            .filter(r -> !r.isErased())
            .orElseThrow(VerificationException.UnknownToken::new);
    if (!tokens.markUsed(hash, now)) {
      throw new VerificationException.UsedToken();
    }
    if (registration.status() != RegistrationStatus.PENDING_VERIFICATION) {
      return registration;
    }
    return moveTo(
        registration,
        registration.emailNeedsReview()
            ? RegistrationStatus.PENDING_REVIEW
            : RegistrationStatus.VERIFIED,
        "verified");
  }

  @Override
  public void resendVerification(UUID id) {
    Registration r = existing(id);
    if (r.status() != RegistrationStatus.PENDING_VERIFICATION) {
      throw wrongState(r, "only one pending verification gets a new link");
    }
    sendVerification(r, editions.find(r.edition()).orElse(null), clock.instant());
  }

  @Override
  public void requestNewLink(int edition, String handle) {
    Optional<Registration> found = findByHandle(edition, handle);
    if (found.isEmpty()
        || found.get().isErased()
        || found.get().status() != RegistrationStatus.PENDING_VERIFICATION) {
      return;
    }
    Registration r = found.get();
    Instant now = clock.instant();
    Optional<Instant> latest = tokens.latestIssuedAt(r.id());
    if (latest.isPresent() && now.isBefore(latest.get().plus(NEW_LINK_INTERVAL))) {
      LOG.info("new link for {} not sent: one was issued less than an hour ago", r.id());
      return;
    }
    // Claims the mail on the shared registration row: of concurrent requests on any instance, only
    // the one whose compare-and-set wins sends; the others read a registration that changed.
    Registration claimed =
        r.toBuilder().updatedAt(now.isBefore(r.updatedAt()) ? r.updatedAt() : now).build();
    if (!registrations.update(r, claimed)) {
      LOG.info("new link for {} not sent: the registration changed meanwhile", r.id());
      return;
    }
    LOG.info("new link for {} requested", r.id());
    sendVerification(claimed, editions.find(r.edition()).orElse(null), now);
  }

  @Override
  public Optional<String> registeredEmail(int edition, String handle) {
    return findByHandle(edition, handle)
        .filter(r -> !r.isErased())
        .map(r -> EmailMask.mask(r.email()));
  }

  @Override
  public Optional<Registration> find(UUID id) {
    return registrations.find(java.util.Objects.requireNonNull(id, "id"));
  }

  @Override
  public Optional<Registration> findByHandle(int edition, String handle) {
    return registrations.findByHandle(
        edition, TwitterHandle.of(handle == null ? null : handle.strip()));
  }

  @Override
  public Registration withdraw(UUID id) {
    Registration r = existing(id);
    if (r.status() == RegistrationStatus.WITHDRAWN) {
      return r;
    }
    return moveTo(r, RegistrationStatus.WITHDRAWN, "withdrew");
  }

  @Override
  public Registration erase(UUID id) {
    java.util.Objects.requireNonNull(id, "id");
    Optional<Registration> current = registrations.find(id);
    if (current.isPresent() && current.get().isErased()) {
      // Erasure requests get repeated; the second one has nothing left to remove but the tokens.
      tokens.deleteFor(id);
      return current.get();
    }
    Registration erased = registrations.erase(id, clock.instant()).orElseThrow(() -> notFound(id));
    int deleted = tokens.deleteFor(id);
    LOG.info("erased {} ({} tokens deleted)", id, deleted);
    return erased;
  }

  @Override
  public Registration approve(UUID id) {
    Registration r = existing(id);
    if (r.status() != RegistrationStatus.PENDING_REVIEW) {
      throw wrongState(r, "only one pending review can be approved");
    }
    Registration approved = moveTo(r, RegistrationStatus.VERIFIED, "approved");
    Edition edition = editions.find(approved.edition()).orElse(null);
    send(
        approved,
        "approval",
        () ->
            mails(approved)
                .approval(
                    approved, edition, extras(approved, edition, clock.instant(), false, false)),
        "");
    return approved;
  }

  @Override
  public List<Registration> approveAndTrust(UUID id, String by) {
    java.util.Objects.requireNonNull(by, "by");
    if (trustedDomains == null) {
      throw new IllegalStateException("approveAndTrust needs a trusted-domain store");
    }
    Registration r = existing(id);
    if (r.status() != RegistrationStatus.PENDING_REVIEW) {
      throw wrongState(r, "only one pending review can be approved");
    }
    String email = r.email();
    TrustedDomains.Checked checked =
        TrustedDomains.check(email == null ? null : email.substring(email.lastIndexOf('@') + 1));
    if (checked.problem() != null) {
      throw new IllegalArgumentException("domain: cannot be trusted (" + checked.problem() + ")");
    }
    String domain = checked.domain();
    // The decision first: a sign-up arriving meanwhile is then accepted, not left behind.
    trustedDomains.save(
        new TrustedDomain(domain, true, "approved from the review queue", by, clock.instant()));
    List<Registration> approved = new ArrayList<>();
    approved.add(approve(id));
    for (Edition edition : editions.all()) {
      RegistrationQuery waiting =
          RegistrationQuery.of(edition.number()).withStatus(RegistrationStatus.PENDING_REVIEW);
      // Collect first, approve after: approving moves rows out of the query being paged.
      List<UUID> ids = new ArrayList<>();
      for (int offset = 0; ; offset += 500) {
        List<Registration> page = registrations.list(waiting, offset, 500);
        for (Registration other : page) {
          if (!other.id().equals(id) && isAt(other.email(), domain)) {
            ids.add(other.id());
          }
        }
        if (page.size() < 500) {
          break;
        }
      }
      for (UUID other : ids) {
        try {
          approved.add(approve(other));
        } catch (RegistrationStateException e) {
          // Decided by someone else meanwhile: nothing left to do for it.
          LOG.debug("approve-and-trust skipped {}: {}", other, e.code());
        }
      }
    }
    return List.copyOf(approved);
  }

  private static boolean isAt(String email, String domain) {
    if (email == null) {
      return false;
    }
    String d = email.substring(email.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    return d.equals(domain) || d.endsWith("." + domain);
  }

  @Override
  public Registration reject(UUID id) {
    Registration r = existing(id);
    boolean reviewable =
        r.status() == RegistrationStatus.PENDING_REVIEW
            || (r.status() == RegistrationStatus.PENDING_VERIFICATION && r.emailNeedsReview());
    if (!reviewable) {
      throw wrongState(r, "only one with an email awaiting review can be rejected");
    }
    Registration rejected = moveTo(r, RegistrationStatus.WITHDRAWN, "rejected");
    send(
        rejected,
        "rejection",
        () -> mails(rejected).rejection(rejected, editions.find(rejected.edition()).orElse(null)),
        "");
    return rejected;
  }

  /** A registration's manage link, its invite or cancellation, and whether the map places it. */
  private RegistrationMails.Extras extras(
      Registration r, Edition edition, Instant now, boolean invite, boolean cancel) {
    Optional<String> link = Optional.empty();
    if (manageLinks != null && isOpen(r)) {
      link = Optional.of(manageLink.apply(manageLinks.issue(r.id(), now.plus(manageLinkTtl))));
    }
    Optional<Mail.Attachment> file = Optional.empty();
    if (invites != null && edition != null && (invite || cancel)) {
      int sequence = CalendarInvites.sequenceAt(now);
      try {
        file =
            cancel
                ? invites.cancellation(r, edition, sequence)
                : invites.invite(r, edition, sequence);
      } catch (RuntimeException e) {
        // A mail without its invite is better than no mail: the invite can be downloaded.
        LOG.warn("no calendar file for registration {} ({})", r.id(), e.getClass().getName());
      }
    }
    boolean unplaced =
        geocoder != null
            && r.coordinates().isEmpty()
            && r.address().isPresent()
            && geocoder.locate(r.address().get(), r.country()).isEmpty();
    return new RegistrationMails.Extras(link, now.plus(manageLinkTtl), file, unplaced);
  }

  private static boolean isOpen(Registration r) {
    return !r.isErased() && r.status() != RegistrationStatus.WITHDRAWN;
  }

  @Override
  public Optional<String> manageLink(UUID id) {
    return manageLink(existing(id));
  }

  @Override
  public Optional<String> manageLink(Registration r) {
    java.util.Objects.requireNonNull(r, "registration");
    if (manageLinks == null || !isOpen(r)) {
      return Optional.empty();
    }
    return Optional.of(
        manageLink.apply(manageLinks.issue(r.id(), clock.instant().plus(manageLinkTtl))));
  }

  @Override
  public Registration manage(String token) {
    if (manageLinks == null) {
      throw new IllegalStateException("manage links are off: see RegistrationService.Builder");
    }
    UUID id = manageLinks.open(token, clock.instant());
    return registrations
        .find(id)
        .filter(DefaultRegistrationService::isOpen)
        .orElseThrow(() -> new ManageLinkException(ManageLinkException.Reason.CLOSED));
  }

  @Override
  public Registration change(String token, RegistrationChange change) {
    java.util.Objects.requireNonNull(change, "change");
    Registration r = manage(token);
    if (change.officerNameOnMap() && r.accountType() != AccountType.OFFICER) {
      throw new InvalidRegistrationException(
          "officerNameOnMap", "applies to officer accounts only");
    }
    Instant now = clock.instant();
    Registration.Builder b =
        r.toBuilder()
            .country(change.country())
            .zone(change.zone())
            .participationModel(change.participationModel())
            .language(change.language())
            .officerNameOnMap(change.officerNameOnMap())
            .address(change.address().orElse(null))
            .coordinates(change.coordinates().orElse(null));
    Registration changed = b.build();
    if (changed.equals(r)) {
      return r;
    }
    changed = b.updatedAt(now.isBefore(r.updatedAt()) ? r.updatedAt() : now).build();
    if (!registrations.update(r, changed)) {
      throw new RegistrationStateException(
          "registration.conflict",
          "registration " + r.id() + " changed while it was being changed; read it again");
    }
    LOG.info("registrant changed {}", r.id());
    Registration done = changed;
    Edition edition = editions.find(done.edition()).orElse(null);
    send(
        done,
        "change",
        () -> mails(done).change(done, edition, now, extras(done, edition, now, true, false)),
        "");
    return done;
  }

  @Override
  public Registration withdrawWithLink(String token) {
    Registration r = manage(token);
    Registration withdrawn = moveTo(r, RegistrationStatus.WITHDRAWN, "withdrew");
    Instant now = clock.instant();
    Edition edition = editions.find(withdrawn.edition()).orElse(null);
    send(
        withdrawn,
        "withdrawal",
        () ->
            mails(withdrawn)
                .withdrawal(withdrawn, edition, extras(withdrawn, edition, now, false, true)),
        "");
    return withdrawn;
  }

  private Registration moveTo(Registration r, RegistrationStatus status, String verb) {
    Instant now = clock.instant();
    Registration moved = r.withStatus(status, now.isBefore(r.updatedAt()) ? r.updatedAt() : now);
    if (!registrations.update(r, moved)) {
      // Someone else (a withdrawal, an organiser) changed it since it was read: theirs stands.
      throw new RegistrationStateException(
          "registration.conflict",
          "registration " + r.id() + " changed while it was being " + verb + "; read it again");
    }
    LOG.info("{} {} -> {}", verb, r.id(), status);
    return moved;
  }

  private static RegistrationStateException wrongState(Registration r, String rule) {
    return new RegistrationStateException(
        "registration.wrong-state", "registration " + r.id() + " is " + r.status() + "; " + rule);
  }

  private Registration existing(UUID id) {
    java.util.Objects.requireNonNull(id, "id");
    Registration r = registrations.find(id).orElseThrow(() -> notFound(id));
    if (r.isErased()) {
      throw new RegistrationStateException(
          "registration.wrong-state", "registration " + id + " was erased");
    }
    return r;
  }

  private static RegistrationStateException notFound(UUID id) {
    return new RegistrationStateException("registration.not-found", "no registration has id " + id);
  }

  @Override
  public Registration place(UUID id, Coordinates at) {
    java.util.Objects.requireNonNull(at, "at");
    Registration r = existing(id);
    if (r.status() == RegistrationStatus.WITHDRAWN) {
      throw wrongState(r, "a withdrawn registration is not on the map");
    }
    if (r.address().isEmpty()) {
      throw new InvalidRegistrationException(
          "address", "is needed to appear on the map, and this registration has none");
    }
    if (r.coordinates().equals(Optional.of(at))) {
      return r;
    }
    Instant now = clock.instant();
    Registration placed =
        r.toBuilder()
            .coordinates(at)
            .updatedAt(now.isBefore(r.updatedAt()) ? r.updatedAt() : now)
            .build();
    if (!registrations.update(r, placed)) {
      throw new RegistrationStateException(
          "registration.conflict",
          "registration " + id + " changed while it was being placed; read it again");
    }
    // The point is an address's, personal for an officer: the log says who, not where.
    LOG.info("placed {} on the map", id);
    return placed;
  }
}
