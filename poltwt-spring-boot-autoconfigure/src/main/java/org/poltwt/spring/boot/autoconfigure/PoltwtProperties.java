package org.poltwt.spring.boot.autoconfigure;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;
import org.springframework.validation.annotation.Validated;

/**
 * The {@code poltwt.*} properties, bound and validated when the application starts: a wrong value
 * fails start-up with a message that names the property.
 *
 * @param jdbc {@code poltwt.jdbc.*}: the stores on the application's {@code DataSource}
 * @param email {@code poltwt.email.*}: the government-email policy
 * @param mail {@code poltwt.mail.*}: the sender of poltwt's mails
 * @param x {@code poltwt.x.*}: the X API
 * @param registration {@code poltwt.registration.*}: sign-up and verification
 * @param announcements {@code poltwt.announcements.*}: announcements and their outbox
 */
@ConfigurationProperties(prefix = "poltwt")
@Validated
public record PoltwtProperties(
    @Valid @DefaultValue Jdbc jdbc,
    @Valid @DefaultValue Email email,
    @Valid @DefaultValue Mail mail,
    @Valid @DefaultValue X x,
    @Valid @DefaultValue Registration registration,
    @Valid @DefaultValue Announcements announcements) {

  /**
   * The stores on the application's {@code DataSource}.
   *
   * @param migrateOnStart whether poltwt migrates its tables with Flyway when the application
   *     starts (its own history table, {@code poltwt_schema_history}, so it never meets the
   *     application's own Flyway); false leaves migration to the deployment
   * @param schema a schema of poltwt's own for its tables instead of the connections' default one:
   *     a letter or {@code _}, then letters, digits or {@code _}, at most 63 characters
   */
  public record Jdbc(
      @DefaultValue("true") boolean migrateOnStart,
      @Pattern(
              regexp = "[A-Za-z_][A-Za-z0-9_]{0,62}",
              message =
                  "must be a letter or '_' followed by letters, digits or '_',"
                      + " at most 63 characters")
          String schema) {}

  /**
   * The government-email policy, on top of its built-in rules.
   *
   * @param allowDomains domains accepted with every subdomain (unless deny-listed), for agencies
   *     whose mail is not under a government namespace
   * @param denyDomains domains refused with every subdomain; the deny list wins over every rule
   * @param governmentSuffixes further government namespaces, for example {@code gov.example}
   * @param allowList a text list of allowed domains, one a line, {@code #} for comments
   * @param usDotgovRegistry the CISA list of .gov domains ({@code current-full.csv} of
   *     cisagov/dotgov-data)
   */
  public record Email(
      @DefaultValue List<@NotNull String> allowDomains,
      @DefaultValue List<@NotNull String> denyDomains,
      @DefaultValue List<@NotNull String> governmentSuffixes,
      Resource allowList,
      Resource usDotgovRegistry) {
    /**
     * Copies the lists.
     *
     * @param allowDomains the allowed domains
     * @param denyDomains the denied domains
     * @param governmentSuffixes the further namespaces
     * @param allowList the allow-list file, or null
     * @param usDotgovRegistry the .gov registry file, or null
     */
    public Email {
      allowDomains = allowDomains == null ? List.of() : List.copyOf(allowDomains);
      denyDomains = denyDomains == null ? List.of() : List.copyOf(denyDomains);
      governmentSuffixes = governmentSuffixes == null ? List.of() : List.copyOf(governmentSuffixes);
    }
  }

  /**
   * The sender of poltwt's mails. The server is Spring's: {@code spring.mail.host}, {@code
   * spring.mail.port}, {@code spring.mail.username}, {@code spring.mail.password}.
   *
   * @param from the From address, required when {@code spring.mail.host} is set
   * @param fromName the sender's name shown beside it, for example {@code #PolTwt}
   * @param replyTo a Reply-To address
   * @param security how the connection is protected; unless set, SMTPS when {@code
   *     spring.mail.protocol=smtps} or {@code spring.mail.ssl.enabled}, STARTTLS when {@code
   *     spring.mail.properties.mail.smtp.starttls.*} asks, else STARTTLS required
   */
  public record Mail(
      @jakarta.validation.constraints.Email(
              message = "must be one address such as events@agency.example")
          String from,
      String fromName,
      @jakarta.validation.constraints.Email(
              message = "must be one address such as events@agency.example")
          String replyTo,
      MailSecurity security) {}

  /** How the connection to the mail server is protected. */
  public enum MailSecurity {
    /** No TLS at all: only for a server on the same host or in a test. */
    NONE,
    /** STARTTLS when the server offers it, else in the clear. */
    STARTTLS_OPTIONAL,
    /** STARTTLS, failing when the server does not offer it (port 587). */
    STARTTLS_REQUIRED,
    /** TLS from the first byte (port 465). */
    SMTPS
  }

  /**
   * The X API.
   *
   * @param bearerToken the app's bearer token; when set, the X API client, account directory and
   *     tweet source are configured
   * @param baseUri the API's address, {@code https://api.x.com} unless set (a stand-in for tests)
   * @param directory which account directory checks handles at sign-up when no bearer token is set:
   *     {@code none} (the default) or {@code in-memory}, which accepts every handle and is only for
   *     demos and tests
   */
  public record X(
      String bearerToken,
      @NotNull @DefaultValue("https://api.x.com") URI baseUri,
      @NotNull @DefaultValue("none") Directory directory) {
    /**
     * Keeps the token out of {@code toString()}.
     *
     * @return the properties, the token masked
     */
    @Override
    public String toString() {
      return "X[bearerToken="
          + (bearerToken == null ? "unset" : "***")
          + ", baseUri="
          + baseUri
          + ", directory="
          + directory
          + "]";
    }
  }

  /** Which account directory to use without a bearer token. */
  public enum Directory {
    /** None: the registration service is not configured unless the application gives one. */
    NONE,
    /** The in-memory directory accepting every handle, for demos and tests only. */
    IN_MEMORY
  }

  /**
   * Sign-up and verification.
   *
   * @param tokenTtl how long a verification link stays valid, at most 30 days
   * @param verificationLink the link in the verification mail, with {@code {token}} where the token
   *     goes, for example {@code https://example.org/verify?token={token}}; the bare token unless
   *     set
   * @param mailLocale the language of the registration mails
   * @param manageLink the "manage my registration" link in every mail about a registration, with
   *     {@code {token}} where the token goes, for example {@code
   *     https://example.org/manage?token={token}}; manage links are on when this and {@code
   *     manage-link-key} are set
   * @param manageLinkKey the key that signs manage links: the base64 of at least 32 secret random
   *     bytes, the same on every instance (a new key voids every link sent before)
   * @param manageLinkTtl how long a manage link works after the mail that carries it, at most 366
   *     days
   */
  public record Registration(
      @NotNull @DefaultValue("48h") Duration tokenTtl,
      @Pattern(regexp = ".*\\{token}.*", message = "must contain {token}") String verificationLink,
      @NotNull @DefaultValue("en") Locale mailLocale,
      @Pattern(regexp = ".*\\{token}.*", message = "must contain {token}") String manageLink,
      String manageLinkKey,
      @NotNull @DefaultValue("90d") Duration manageLinkTtl) {
    /**
     * Keeps the manage-link key out of {@code toString()}.
     *
     * @return the properties, the key masked
     */
    @Override
    public String toString() {
      return "Registration[tokenTtl="
          + tokenTtl
          + ", verificationLink="
          + verificationLink
          + ", mailLocale="
          + mailLocale
          + ", manageLink="
          + manageLink
          + ", manageLinkKey="
          + (manageLinkKey == null ? "unset" : "***")
          + ", manageLinkTtl="
          + manageLinkTtl
          + "]";
    }
  }

  /**
   * Announcements and their outbox.
   *
   * @param deliveryInterval how often due outbox entries are delivered; {@code 0} turns scheduled
   *     delivery off
   * @param maxAttempts how many times a mail is tried before it is reported failed
   * @param backoff the wait before the first retry, doubled at each further one
   * @param claimLease how long an instance's claim on an entry lasts before another may take it
   * @param unsubscribeLink the unsubscribe link in each mail, with {@code {token}} where the token
   *     goes; the bare token unless set
   */
  public record Announcements(
      @NotNull @DefaultValue("1m") Duration deliveryInterval,
      @Positive @DefaultValue("5") int maxAttempts,
      @NotNull @DefaultValue("1m") Duration backoff,
      @NotNull @DefaultValue("10m") Duration claimLease,
      @Pattern(regexp = ".*\\{token}.*", message = "must contain {token}") String unsubscribeLink) {
    /**
     * Checks the delivery interval.
     *
     * @param deliveryInterval how often due entries are delivered
     * @param maxAttempts the attempts per mail
     * @param backoff the first retry's wait
     * @param claimLease the claim's lease
     * @param unsubscribeLink the unsubscribe link template, or null
     * @throws IllegalArgumentException if the interval is negative
     */
    public Announcements {
      if (deliveryInterval != null && deliveryInterval.isNegative()) {
        throw new IllegalArgumentException(
            "poltwt.announcements.delivery-interval: must not be negative (0 turns delivery off)");
      }
    }
  }
}
