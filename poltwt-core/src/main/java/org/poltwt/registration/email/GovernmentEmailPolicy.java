package org.poltwt.registration.email;

import static java.util.Objects.requireNonNull;

import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.poltwt.InvalidInputException;
import org.poltwt.registration.email.EmailAssessment.Rule;

/**
 * Decides whether an address is a government email address, as the event's sign-up requires: a
 * policy, not a regular expression.
 *
 * <p>{@link #assess(String)} parses the address strictly and applies these rules in order; the
 * first that applies gives the {@link Verdict}:
 *
 * <ol>
 *   <li><b>Syntax</b> → {@code REJECTED}. Exactly one {@code @}; the local part an ASCII dot-atom
 *       of at most 64 characters (quoted local parts, comments, address literals such as {@code
 *       [192.0.2.1]}, non-ASCII local parts are refused); the domain a host name of at least two
 *       labels. Any whitespace, leading and trailing included, is refused: trimming input is the
 *       caller's business, and an address with a stray space is not the one the registrant typed.
 *       Control and invisible characters (zero-width, bidirectional controls, soft hyphens,
 *       variation selectors) are refused. The domain is lower-cased, one trailing dot is removed,
 *       internationalised labels are converted with {@link java.net.IDN#toASCII(String, int)} (IDNA
 *       2003, standard-3 ASCII rules; so {@code ß} becomes {@code ss}); the result is {@link
 *       EmailAssessment#normalizedAddress()}. Whole address at most 254 characters.
 *   <li><b>Deny list</b> → {@code REJECTED}. A deny-listed domain or any subdomain of one; the deny
 *       list wins over everything else.
 *   <li><b>Homoglyphs</b> → {@code REJECTED}. A label that mixes scripts ({@code pоlice.gov} with a
 *       Cyrillic {@code о}), or is written wholly in Cyrillic, Greek or other letters that imitate
 *       Latin ones ({@code рогісе.gov}); punycode input ({@code xn--...}) is decoded for the check.
 *       Single-script names that are not imitations ({@code полиция.рф}, {@code 警察.jp}, {@code
 *       münchen.de}) go on to the next rules. This comes before the lists, so no list can vouch for
 *       a lookalike.
 *   <li><b>Allow list</b> → {@code ACCEPTED}, then <b>registries</b> → {@code ACCEPTED} with the
 *       registry's name: the domain or any subdomain of it. Explicit trust is taken before the
 *       heuristics below, so an organiser can vouch for an unusual domain.
 *   <li><b>Webmail</b> → {@code REJECTED}. A domain of a public webmail provider ({@code
 *       gmail.com}, {@code outlook.com}, {@code yahoo.co.uk}, {@code proton.me}, {@code qq.com},
 *       ... and their subdomains; the bundled {@code webmail_domains.txt}): anyone can open a
 *       mailbox there, so it is never a government address, and an organiser need not look at it.
 *       Only the allow list can override this.
 *   <li><b>Government namespaces</b> → {@code ACCEPTED}. The domain is, or is under, a namespace
 *       only governments can hold: {@code .gov}, {@code .mil}, {@code .int}; every {@code gov.XX},
 *       {@code gob.XX}, {@code gouv.XX}, {@code govt.XX}, {@code go.XX}, {@code mil.XX}, {@code
 *       gub.XX} that the ICANN section of the Public Suffix List lists as a reserved second level
 *       ({@code gov.uk}, {@code gob.mx}, {@code gouv.fr}, {@code govt.nz}, {@code go.jp}, ...); and
 *       {@code gc.ca}, {@code police.uk}, {@code gv.at}, {@code nic.in}, {@code admin.ch}, {@code
 *       bund.de}, {@code europa.eu}, {@code gouv.qc.ca}, the Canadian provinces' {@code gov.XX.ca},
 *       and a few more listed in the bundled {@code government_namespaces.txt}. A namespace as a
 *       mail domain of its own ({@code gov.uk}) is accepted too.
 *   <li><b>Bare public suffix</b> → {@code REJECTED}. A domain such as {@code co.uk} or {@code
 *       com.au} belongs to no organisation, so no agency can have mail there.
 *   <li><b>Government suffix out of place</b> → {@code REJECTED}. A government label ({@code gov},
 *       {@code govt}, {@code gouv}, {@code gob}, {@code gub}, {@code mil}) standing as a whole
 *       label in the part of the domain its registrant controls ({@code police.gov.example.com},
 *       {@code mil.example.org}), or a namespace of several labels placed before a non-government
 *       suffix ({@code gov.uk.attacker.io}, {@code police.uk.com}, {@code gouv.fr.evil.net}). The
 *       boundary is the registrable domain found with the Public Suffix List. A domain that only
 *       contains {@code gov} inside a label ({@code sfgov.org}, {@code govdelivery.com}) is not a
 *       lookalike.
 *   <li><b>Trusted domains</b> → {@code ACCEPTED}. The domain, or a parent of it, is trusted: by
 *       default the bundled, sourced list of police and law-enforcement domains outside the
 *       government namespaces ({@code politie.nl}, {@code garda.ie}, {@code nypd.org}, ...; see
 *       {@link TrustedDomains}); with {@link #withTrustedDomains}, whatever the organisers decided.
 *   <li>Everything else that is well-formed → {@code REVIEW}: an organiser decides, nothing is
 *       lost. The reason says more when there is more to say: a registrable label that is itself a
 *       government label ({@code gov.com}, {@code gov.si}) — left to review rather than rejected,
 *       because some governments hold such domains; a top-level domain the Public Suffix List does
 *       not know; an internet provider's consumer mailbox ({@code comcast.net}, {@code
 *       t-online.de}; the bundled {@code isp_mail_domains.txt}), which some small agencies do use.
 * </ol>
 *
 * <p>{@link EmailAssessment#rule()} names the rule as a stable code, {@link
 * EmailAssessment#reason()} says it in English; neither contains the address. {@code assess} never
 * throws for bad input.
 *
 * <p>A policy is immutable and safe to share between threads; {@link #defaults()} returns one
 * shared instance. {@code assess} costs a few hash look-ups per label and no regular expressions;
 * the bundled Public Suffix List is parsed once, on first use.
 */
public final class GovernmentEmailPolicy {
  private static final String CODE = "email-policy.invalid";
  static final String US_DOTGOV = "us-dotgov";
  static final String US_DOTGOV_CONTACTS = "us-dotgov-contacts";
  static final String WEBMAIL = "webmail_domains.txt";
  static final String ISP_MAIL = "isp_mail_domains.txt";

  private static final String REVIEW =
      "not a recognised government domain; an organiser will review it";
  private static final String SECURITY_CONTACT =
      "the security contact of a US .gov registrant uses this domain, "
          + "but it is not itself a government domain; an organiser will review it";

  private final DomainSuffixMap<Boolean> deny;
  private final DomainSuffixMap<Boolean> allow;
  private final DomainSuffixMap<String> registries;
  private final EmailNamespaces namespaces;
  private final PublicSuffixRules psl;
  private final Predicate<String> trusted;

  private GovernmentEmailPolicy(GovernmentEmailPolicy base, Predicate<String> trusted) {
    this.psl = base.psl;
    this.namespaces = base.namespaces;
    this.deny = base.deny;
    this.allow = base.allow;
    this.registries = base.registries;
    this.trusted = trusted;
  }

  private GovernmentEmailPolicy(Builder b) {
    this.trusted = TrustedDomains.bundledOnly();
    this.psl = b.psl != null ? b.psl : PublicSuffixRules.bundled();
    this.namespaces = EmailNamespaces.resolve(psl, b.suffixes);
    this.deny = DomainSuffixMap.of(marks(b.deny));
    this.allow = DomainSuffixMap.of(marks(b.allow));
    Map<String, String> byDomain = new HashMap<>();
    for (Map.Entry<String, Set<String>> registry : b.registries.entrySet()) {
      for (String domain : registry.getValue()) {
        byDomain.putIfAbsent(domain, registry.getKey());
      }
    }
    this.registries = DomainSuffixMap.of(byDomain);
  }

  private static Map<String, Boolean> marks(Set<String> domains) {
    Map<String, Boolean> map = new HashMap<>();
    for (String d : domains) {
      map.put(d, Boolean.TRUE);
    }
    return map;
  }

  private static final class Defaults {
    static final GovernmentEmailPolicy POLICY = new Builder().build();
  }

  /** The bundled lists of mailbox providers whose addresses anyone can have. */
  private static final class FreeMail {
    static final DomainSuffixMap<Boolean> WEBMAIL = load(GovernmentEmailPolicy.WEBMAIL);
    static final DomainSuffixMap<Boolean> ISP = load(ISP_MAIL);

    private static DomainSuffixMap<Boolean> load(String resource) {
      Map<String, Boolean> domains = new HashMap<>();
      EmailDomainLines.readBundled(
          resource,
          (line, entry) -> {
            EmailSyntax.Parsed parsed = EmailSyntax.parseDomain(entry, 2);
            if (parsed.failed()) {
              throw new IllegalStateException(resource + " line " + line + ": " + parsed.reason);
            }
            domains.put(parsed.domain, Boolean.TRUE);
          });
      return DomainSuffixMap.of(domains);
    }
  }

  /**
   * Returns the built-in policy: the built-in government namespaces and the bundled Public Suffix
   * List, with no allow list, deny list or registry. The instance is shared.
   *
   * @return the default policy
   */
  public static GovernmentEmailPolicy defaults() {
    return Defaults.POLICY;
  }

  /**
   * Starts a policy from the same built-in rules as {@link #defaults()}.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns this policy with another trust predicate in place of its own (by default, {@link
   * TrustedDomains#bundledOnly()}): typically {@link TrustedDomains#withDecisions} over the
   * organisers' store, which {@code RegistrationService.Builder#trustedDomainStore} does. The
   * predicate is asked with the normalised domain of an address the policy would otherwise send to
   * review, and only then; a true answer makes it {@link Rule#TRUSTED_DOMAIN}. The policy does no
   * I/O of its own; a predicate that reads a store does, and must be thread-safe.
   *
   * @param trusted says whether a lower-case ASCII domain is trusted
   * @return a new policy, otherwise the same
   * @throws NullPointerException if {@code trusted} is null
   */
  public GovernmentEmailPolicy withTrustedDomains(Predicate<String> trusted) {
    return new GovernmentEmailPolicy(this, requireNonNull(trusted, "trusted"));
  }

  /**
   * Assesses one address. Never throws for bad input: {@code null}, blank and malformed addresses
   * are {@link Verdict#REJECTED} with a reason.
   *
   * @param email the address as the registrant typed it; may be null
   * @return the verdict, its reason and the normalised address
   */
  public EmailAssessment assess(String email) {
    EmailSyntax.Parsed parsed = EmailSyntax.parseAddress(email);
    if (parsed.failed()) {
      return new EmailAssessment(Rule.SYNTAX, parsed.reason, null);
    }
    String domain = parsed.domain;
    String address = parsed.local + "@" + domain;
    if (deny.covers(domain)) {
      return new EmailAssessment(Rule.DENY_LIST, "deny-listed domain", address);
    }
    // Lookalikes first: no list may vouch for a domain dressed up as another.
    if (parsed.idn) {
      String lookalike = DomainScripts.lookalikeProblem(domain, psl);
      if (lookalike != null) {
        return new EmailAssessment(Rule.LOOKALIKE, lookalike, address);
      }
    }
    if (allow.covers(domain)) {
      return new EmailAssessment(Rule.ALLOW_LIST, "allow-listed domain", address);
    }
    String registry = registries.find(domain);
    boolean securityContact = US_DOTGOV_CONTACTS.equals(registry);
    if (registry != null && !securityContact) {
      return new EmailAssessment(Rule.REGISTRY, "listed in registry '" + registry + "'", address);
    }
    if (FreeMail.WEBMAIL.covers(domain)) {
      return new EmailAssessment(
          Rule.WEBMAIL, "a public webmail address is never a government address", address);
    }
    String namespace = namespaces.match(domain);
    if (namespace != null) {
      return new EmailAssessment(
          Rule.GOVERNMENT_NAMESPACE, "government namespace ." + namespace, address);
    }
    int registrable = psl.registrableStart(domain);
    if (registrable < 0) {
      return new EmailAssessment(
          Rule.PUBLIC_SUFFIX,
          "the domain is a public suffix (." + domain + "), not an organisation's own domain",
          address);
    }
    if (namespaces.appearsBelowSuffix(domain, registrable)) {
      return new EmailAssessment(
          Rule.GOVERNMENT_SUFFIX_OUT_OF_PLACE,
          "government suffix used as a subdomain of " + domain.substring(registrable),
          address);
    }
    // Trust only turns a review into an acceptance: every refusal above still stands.
    if (trusted.test(domain)) {
      return new EmailAssessment(Rule.TRUSTED_DOMAIN, "trusted police domain", address);
    }
    int labelEnd = domain.indexOf('.', registrable);
    String registrableLabel = domain.substring(registrable, labelEnd);
    if (EmailNamespaces.isGovernmentLabel(registrableLabel)) {
      return new EmailAssessment(
          Rule.GOVERNMENT_LABEL,
          "'"
              + registrableLabel
              + "' under ."
              + domain.substring(labelEnd + 1)
              + " is not a recognised government namespace; an organiser will review it",
          address);
    }
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    if (!psl.isKnownTopLevelDomain(tld)) {
      return new EmailAssessment(
          Rule.UNKNOWN_TOP_LEVEL_DOMAIN,
          "the top-level domain ."
              + tld
              + " is not in the Public Suffix List; an organiser will review it",
          address);
    }
    if (FreeMail.ISP.covers(domain)) {
      return new EmailAssessment(
          Rule.ISP_MAILBOX,
          "an internet provider's consumer mailbox; an organiser will review it",
          address);
    }
    if (securityContact) {
      // The contact column also names IT contractors and ISPs: a hint for the organiser, not proof.
      return new EmailAssessment(Rule.SECURITY_CONTACT, SECURITY_CONTACT, address);
    }
    return new EmailAssessment(Rule.UNRECOGNISED, REVIEW, address);
  }

  /**
   * Whether a domain belongs to a public webmail or consumer ISP mailbox provider of the bundled
   * lists.
   *
   * @param domain a lower-case ASCII domain
   * @return true for a webmail domain or a subdomain of one
   */
  static boolean isWebmail(String domain) {
    return FreeMail.WEBMAIL.covers(domain) || FreeMail.ISP.covers(domain);
  }

  @Override
  public String toString() {
    return "GovernmentEmailPolicy[namespaces="
        + namespaces.size()
        + ", allow="
        + allow.size()
        + ", deny="
        + deny.size()
        + ", registryDomains="
        + registries.size()
        + "]";
  }

  /**
   * Configures a {@link GovernmentEmailPolicy}. Starts from the built-in rules; every setter
   * validates its argument at once and adds to what is already there. Not thread-safe; {@link
   * #build()} may be called more than once.
   *
   * <p>Domains given to the builder are normalised like mail domains: case-folded, one trailing dot
   * removed, internationalised names converted to punycode. A malformed one fails with an {@link
   * InvalidInputException} of code {@code email-policy.invalid} that names the field and the
   * position, for example {@code allowDomains[2]}.
   */
  public static final class Builder {
    private final Set<String> allow = new LinkedHashSet<>();
    private final Set<String> deny = new LinkedHashSet<>();
    private final Map<String, Set<String>> registries = new LinkedHashMap<>();
    private final Set<String> suffixes = new LinkedHashSet<>();
    private PublicSuffixRules psl;

    private Builder() {}

    /**
     * Accepts these domains and every subdomain of them, unless deny-listed.
     *
     * @param domains domain names such as {@code "lapd.online"}
     * @return this builder
     * @throws NullPointerException if {@code domains} or an element is null
     * @throws InvalidInputException if an element is not a domain name
     */
    public Builder allowDomains(String... domains) {
      requireNonNull(domains, "domains");
      return allowDomains(List.of(copyChecked(domains, "allowDomains")));
    }

    /**
     * Accepts these domains and every subdomain of them, unless deny-listed.
     *
     * @param domains domain names such as {@code "lapd.online"}
     * @return this builder
     * @throws NullPointerException if {@code domains} or an element is null
     * @throws InvalidInputException if an element is not a domain name
     */
    public Builder allowDomains(Collection<String> domains) {
      allow.addAll(normalise(domains, "allowDomains", 2));
      return this;
    }

    /**
     * Rejects these domains and every subdomain of them. The deny list wins over every other rule.
     *
     * @param domains domain names
     * @return this builder
     * @throws NullPointerException if {@code domains} or an element is null
     * @throws InvalidInputException if an element is not a domain name
     */
    public Builder denyDomains(String... domains) {
      requireNonNull(domains, "domains");
      return denyDomains(List.of(copyChecked(domains, "denyDomains")));
    }

    /**
     * Rejects these domains and every subdomain of them. The deny list wins over every other rule.
     *
     * @param domains domain names
     * @return this builder
     * @throws NullPointerException if {@code domains} or an element is null
     * @throws InvalidInputException if an element is not a domain name
     */
    public Builder denyDomains(Collection<String> domains) {
      deny.addAll(normalise(domains, "denyDomains", 2));
      return this;
    }

    /**
     * Adds a named set of known government domains. An address at one of them, or at a subdomain,
     * is {@link Verdict#ACCEPTED} with the reason {@code "listed in registry '<name>'"}. Adding to
     * a name used before extends that registry; a domain in several registries is credited to the
     * one added first.
     *
     * @param name the registry's name: 1 to 64 ASCII letters, digits, {@code -}, {@code _} or
     *     {@code .}
     * @param domains the domains
     * @return this builder
     * @throws NullPointerException if an argument or an element is null
     * @throws InvalidInputException if the name or an element is malformed
     */
    public Builder registry(String name, Collection<String> domains) {
      requireNonNull(name, "name");
      requireNonNull(domains, "domains");
      checkRegistryName(name);
      List<String> normalised = normalise(domains, "registry.domains", 2);
      registries.computeIfAbsent(name, n -> new LinkedHashSet<>()).addAll(normalised);
      return this;
    }

    /**
     * Loads the CISA list of .gov domains, the {@code current-full.csv} or {@code
     * current-federal.csv} of cisagov/dotgov-data (header {@code Domain name,Domain type,
     * Organization name,Suborganization name,City,State,Security contact email}).
     *
     * <p>The {@code Domain name} column becomes the registry {@code "us-dotgov"}. The domains of
     * the {@code Security contact email} column that are not under {@code .gov} become the registry
     * {@code "us-dotgov-contacts"}: many agencies' mail lives at city {@code .org}, state {@code
     * .us} or county {@code .net} domains. That column also names the agencies' IT contractors and
     * ISPs, so those domains are never accepted on this ground: they go to {@link Verdict#REVIEW}
     * with a reason telling the organiser they are a .gov registrant's security contact. Public
     * webmail and ISP mailbox domains ({@code gmail.com}, {@code comcast.net}, ...), bare public
     * suffixes and unparseable addresses are skipped; blank and {@code (blank)} cells are skipped.
     * Local parts are read and dropped, never kept.
     *
     * <p>Does not close the reader. Nothing is added unless the whole file is valid.
     *
     * @param csv the CSV text
     * @return this builder
     * @throws NullPointerException if {@code csv} is null
     * @throws InvalidInputException with code {@code registry.invalid} and field {@code csv} when
     *     the file is malformed (no {@code Domain name} column, a record with the wrong number of
     *     fields, an unclosed quote, an invalid domain); the reason gives the line number
     * @throws UncheckedIOException if the reader fails
     */
    public Builder usDotGovRegistry(Reader csv) {
      requireNonNull(csv, "csv");
      PublicSuffixRules rules = psl != null ? psl : PublicSuffixRules.bundled();
      Set<String> domains = new LinkedHashSet<>();
      Set<String> contacts = new LinkedHashSet<>();
      EmailDotGovCsv.read(
          csv,
          new EmailDotGovCsv.Sink() {
            @Override
            public void domain(String domain) {
              domains.add(domain);
            }

            @Override
            public void contact(String address) {
              EmailSyntax.Parsed parsed = EmailSyntax.parseAddress(address);
              if (parsed.failed()) {
                return;
              }
              String d = parsed.domain;
              if (d.endsWith(".gov") || isWebmail(d) || rules.registrableStart(d) < 0) {
                return;
              }
              contacts.add(d);
            }
          });
      registries.computeIfAbsent(US_DOTGOV, n -> new LinkedHashSet<>()).addAll(domains);
      registries.computeIfAbsent(US_DOTGOV_CONTACTS, n -> new LinkedHashSet<>()).addAll(contacts);
      return this;
    }

    /**
     * Adds the domains of a text list to the allow list: one domain per line, {@code #} starts a
     * comment (a whole line or the end of one), blank lines are ignored. Does not close the reader.
     * Nothing is added unless the whole list is valid.
     *
     * @param lines the list
     * @return this builder
     * @throws NullPointerException if {@code lines} is null
     * @throws InvalidInputException if a line is not a single domain name; the field names the
     *     line, for example {@code "allowList line 7"}
     * @throws UncheckedIOException if the reader fails
     */
    public Builder allowList(Reader lines) {
      requireNonNull(lines, "lines");
      List<String> domains = new ArrayList<>();
      EmailDomainLines.read(
          lines,
          CODE,
          "allowList",
          (line, entry) -> domains.add(normaliseOne(entry, "allowList line " + line, 2)));
      allow.addAll(domains);
      return this;
    }

    /**
     * Replaces the bundled Public Suffix List with another copy, typically a newer one from
     * https://publicsuffix.org/list/public_suffix_list.dat. Only its ICANN section is used. Does
     * not close the reader.
     *
     * @param psl the list, in its usual format
     * @return this builder
     * @throws NullPointerException if {@code psl} is null
     * @throws InvalidInputException if a rule is malformed or the list has no ICANN rules; the
     *     field is {@code publicSuffixList} and the reason gives the line number
     * @throws UncheckedIOException if the reader fails
     */
    public Builder publicSuffixList(Reader psl) {
      requireNonNull(psl, "psl");
      this.psl = PublicSuffixRules.parse(psl, "publicSuffixList");
      return this;
    }

    /**
     * Adds government namespaces to the built-in ones, for example {@code "gov.example"} or a
     * top-level domain. An address at a namespace or under it is accepted, and the namespace counts
     * for the lookalike rule (a namespace of two or more labels placed before a non-government
     * suffix is rejected). One leading dot is allowed ({@code ".gov.example"}).
     *
     * @param suffixes the namespaces
     * @return this builder
     * @throws NullPointerException if {@code suffixes} or an element is null
     * @throws InvalidInputException if an element is not a domain name
     */
    public Builder governmentSuffixes(String... suffixes) {
      requireNonNull(suffixes, "suffixes");
      String[] copy = copyChecked(suffixes, "governmentSuffixes");
      for (int i = 0; i < copy.length; i++) {
        if (copy[i].startsWith(".")) {
          copy[i] = copy[i].substring(1);
        }
      }
      this.suffixes.addAll(normalise(List.of(copy), "governmentSuffixes", 1));
      return this;
    }

    /**
     * Builds the policy. The builder can go on being used.
     *
     * @return an immutable policy
     */
    public GovernmentEmailPolicy build() {
      return new GovernmentEmailPolicy(this);
    }

    private static String[] copyChecked(String[] values, String field) {
      String[] copy = values.clone();
      for (int i = 0; i < copy.length; i++) {
        requireNonNull(copy[i], field + "[" + i + "]");
      }
      return copy;
    }

    private static List<String> normalise(Collection<String> domains, String field, int minLabels) {
      requireNonNull(domains, "domains");
      List<String> out = new ArrayList<>(domains.size());
      int i = 0;
      for (String d : domains) {
        String name = field + "[" + i + "]";
        requireNonNull(d, name);
        out.add(normaliseOne(d, name, minLabels));
        i++;
      }
      return out;
    }

    private static String normaliseOne(String domain, String field, int minLabels) {
      if (domain.isEmpty()) {
        throw new InvalidInputException(CODE, field, "must not be empty");
      }
      if (domain.indexOf('@') >= 0) {
        throw new InvalidInputException(CODE, field, "must be a domain name, not an address");
      }
      EmailSyntax.Parsed parsed = EmailSyntax.parseDomain(domain, minLabels);
      if (parsed.failed()) {
        throw new InvalidInputException(CODE, field, parsed.reason);
      }
      return parsed.domain;
    }

    private static void checkRegistryName(String name) {
      if (name.isEmpty() || name.length() > 64) {
        throw new InvalidInputException(CODE, "registry.name", "must be 1 to 64 characters");
      }
      for (int i = 0; i < name.length(); i++) {
        char c = name.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '-'
                || c == '_'
                || c == '.';
        if (!ok) {
          throw new InvalidInputException(
              CODE, "registry.name", "may use only ASCII letters, digits, '-', '_' and '.'");
        }
      }
    }
  }
}
