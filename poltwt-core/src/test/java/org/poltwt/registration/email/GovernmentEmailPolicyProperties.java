package org.poltwt.registration.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.arbitraries.StringArbitrary;

class GovernmentEmailPolicyProperties {
  private static final GovernmentEmailPolicy POLICY = GovernmentEmailPolicy.defaults();

  private static final String ATEXT =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+/=?^_`{|}~-";

  /**
   * Every fixed word a reason can be made of. A local part that is a piece of this text may show up
   * in a reason by coincidence ("gov", "the"), not because the address leaked.
   */
  private static final String REASON_VOCABULARY =
      String.join(
          " | ",
          "the address is missing",
          "the address is empty",
          "the address is longer than 254 characters",
          "local part must not be quoted",
          "the address must not contain comments in parentheses",
          "the address must not contain whitespace",
          "the address must not contain control or invisible characters",
          "the address must contain an @ sign",
          "the address must contain exactly one @ sign",
          "local part (before the @) is empty",
          "domain (after the @) is empty",
          "IP-address literals in brackets are not accepted; use a domain name",
          "local part is longer than 64 characters",
          "local part must use ASCII characters only",
          "local part must not start with a dot",
          "local part must not contain two dots in a row",
          "local part must not end with a dot",
          "local part must not contain",
          "the domain is empty",
          "the domain must not start with a dot",
          "the domain must not end with two dots",
          "the domain must not contain two dots in a row",
          "the domain has an invalid internationalised (xn--) label",
          "a domain label must not start or end with a hyphen",
          "the domain is not a valid internationalised domain name",
          "the domain must have at least two labels (like police.gov)",
          "IP addresses are not accepted; use a domain name",
          "the top-level domain must not be all digits",
          "the domain is longer than 253 characters",
          "the domain must not contain",
          "the domain contains a character that is not allowed",
          "deny-listed domain",
          "allow-listed domain",
          "listed in registry",
          "the domain mixes scripts (Latin and Cyrillic, Greek, Armenian, Han, Hiragana, Katakana)",
          "lookalike domains are not accepted",
          "the domain imitates Latin letters with",
          "lookalikes",
          "the domain uses lookalike characters in place of plain Latin letters",
          "government namespace",
          "the domain is a public suffix, not an organisation's own domain",
          "government suffix used as a subdomain of",
          "is not a recognised government namespace; an organiser will review it",
          "the top-level domain is not in the Public Suffix List; an organiser will review it",
          "a public webmail address is never a government address",
          "an internet provider's consumer mailbox; an organiser will review it",
          "not a recognised government domain; an organiser will review it",
          scriptNames());

  private static String scriptNames() {
    StringBuilder out = new StringBuilder();
    for (Character.UnicodeScript script : Character.UnicodeScript.values()) {
      for (String word : script.name().toLowerCase(Locale.ROOT).split("_")) {
        out.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1)).append(' ');
      }
      out.append("and ");
    }
    return out.toString();
  }

  private static final Set<String> GOVERNMENT_WORDS =
      Set.of(
          "gov", "govt", "gouv", "gob", "gub", "mil", "go", "gc", "gv", "police", "nic", "admin",
          "bund", "europa", "int", "xn");

  // ---- generators ----

  @Provide
  Arbitrary<String> anything() {
    StringArbitrary anyChars = Arbitraries.strings().all().ofMaxLength(90);
    Arbitrary<String> addressy =
        Arbitraries.strings()
            .withChars("@.\"()[]<>,;:\\ \t\r\n\u0000\u007F\u00A0\u200B\u202E\u00AD\uFE0F\u3002-_xn")
            .withCharRange('a', 'z')
            .withChars("оеаріс") // Cyrillic lookalikes
            .withChars("üß警察")
            .ofMaxLength(60);
    Arbitrary<String> joined =
        Combinators.combine(anyChars.ofMaxLength(20), addressy)
            .as((local, domain) -> local + "@" + domain);
    Arbitrary<String> structured =
        Combinators.combine(localParts(), domains()).as((local, domain) -> local + "@" + domain);
    Arbitrary<String> unicodeDomain =
        Combinators.combine(localParts(), Arbitraries.strings().all().ofMaxLength(30))
            .as((local, domain) -> local + "@" + domain + ".gov");
    return Arbitraries.oneOf(anyChars, addressy, joined, structured, unicodeDomain);
  }

  @Provide
  Arbitrary<String> localParts() {
    return Arbitraries.strings()
        .withChars(ATEXT)
        .ofMinLength(1)
        .ofMaxLength(12)
        .list()
        .ofMinSize(1)
        .ofMaxSize(4)
        .map(atoms -> String.join(".", atoms))
        .filter(local -> local.length() <= 64);
  }

  /** Host name labels: letters, digits, inner hyphens; never an {@code xn--} label. */
  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .numeric()
        .withChars('-')
        .ofMinLength(1)
        .ofMaxLength(63)
        .filter(l -> l.charAt(0) != '-' && l.charAt(l.length() - 1) != '-')
        .filter(l -> !l.toLowerCase(Locale.ROOT).startsWith("xn--"));
  }

  /** Plain names that are no government word, to build registrable domains from. */
  @Provide
  Arbitrary<String> plainLabels() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .numeric()
        .ofMinLength(1)
        .ofMaxLength(20)
        .filter(l -> !GOVERNMENT_WORDS.contains(l));
  }

  @Provide
  Arbitrary<String> domains() {
    Arbitrary<String> suffix =
        Arbitraries.of(
            "gov",
            "mil",
            "int",
            "com",
            "org",
            "net",
            "io",
            "de",
            "co.uk",
            "gov.uk",
            "police.uk",
            "gc.ca",
            "gov.au",
            "go.jp",
            "gouv.fr",
            "com.au",
            "example",
            "xn--p1ai",
            "рф",
            "jp",
            "city");
    Arbitrary<String> unicodeLabel =
        Arbitraries.of(
            "münchen", "polizei", "полиция", "pоlice", "рогісе", "警察", "ԁоі", "straße", "gov",
            "mil");
    Arbitrary<String> label = Arbitraries.oneOf(labels(), unicodeLabel);
    return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(3), suffix)
        .as((ls, s) -> String.join(".", ls) + "." + s)
        .filter(d -> d.length() <= 200);
  }

  @Provide
  Arbitrary<String> nonGovernmentSuffixes() {
    return Arbitraries.of(
        "com", "org", "net", "io", "info", "biz", "de", "fr", "nl", "co.uk", "com.au", "co.jp",
        "com.br", "example", "city");
  }

  /** Leaves out names that are themselves public suffixes, such as tm.fr or com.br. */
  private static void assumeIsRegistrable(String domain) {
    Assume.that(PublicSuffixRules.bundled().registrableStart(domain) == 0);
  }

  // ---- properties ----

  @Property(tries = 2000)
  void neverThrowsAndTheReasonNeverRepeatsTheLocalPart(@ForAll("anything") String input) {
    EmailAssessment a = POLICY.assess(input);

    assertThat(a.verdict()).isNotNull();
    assertThat(a.reason()).isNotBlank();
    if (a.normalizedAddress() == null) {
      assertThat(a.verdict()).isEqualTo(Verdict.REJECTED);
    }
    int at = input.lastIndexOf('@');
    String local = at >= 0 ? input.substring(0, at) : input;
    String domainPart = at >= 0 ? input.substring(at + 1) : "";
    String normalizedDomain = a.domain().orElse("");
    boolean coincidence =
        REASON_VOCABULARY.contains(local)
            // toString's own words: "EmailAssessment[verdict=..., domain=(unparsed)]" for the local
            // part "(un"
            || "EmailAssessment[verdict=, reason=, domain=(unparsed)]".contains(local)
            // "local part must not contain '<'" for the local part '<'
            || (local.length() == 3 && local.charAt(0) == '\'' && local.charAt(2) == '\'')
            || domainPart.toLowerCase(Locale.ROOT).contains(local.toLowerCase(Locale.ROOT))
            || normalizedDomain.contains(local.toLowerCase(Locale.ROOT));
    if (local.length() >= 3 && !coincidence) {
      assertThat(a.reason()).doesNotContain(local);
      assertThat(a.toString()).doesNotContain(local);
    }
  }

  @Property
  void theDomainIsCaseAndTrailingDotInsensitive(
      @ForAll("localParts") String local, @ForAll("domains") String domain) {
    EmailAssessment plain = POLICY.assess(local + "@" + domain);
    EmailAssessment shouted = POLICY.assess(local + "@" + domain.toUpperCase(Locale.ROOT) + ".");

    assertThat(shouted.verdict()).isEqualTo(plain.verdict());
    assertThat(shouted.reason()).isEqualTo(plain.reason());
    assertThat(shouted.normalizedAddress()).isEqualTo(plain.normalizedAddress());
  }

  @Property
  void aGovernmentSuffixBelowANonGovernmentRegistrableDomainIsRejected(
      @ForAll("labels") String label,
      @ForAll("plainLabels") String name,
      @ForAll("nonGovernmentSuffixes") String suffix) {
    assumeIsRegistrable(name + "." + suffix);
    EmailAssessment a = POLICY.assess("chief@" + label + ".gov." + name + "." + suffix);

    assertThat(a.verdict()).isEqualTo(Verdict.REJECTED);
    assertThat(a.reason())
        .isEqualTo("government suffix used as a subdomain of " + name + "." + suffix);
  }

  @Property
  void aMultiLabelNamespacePlacedBeforeANonGovernmentSuffixIsRejected(
      @ForAll("labels") String label,
      @ForAll("plainLabels") String name,
      @ForAll("nonGovernmentSuffixes") String suffix) {
    assumeIsRegistrable(name + "." + suffix);
    for (String namespace :
        List.of("gov.uk", "police.uk", "gc.ca", "gouv.fr", "go.jp", "europa.eu", "gob.mx")) {
      EmailAssessment a =
          POLICY.assess("chief@" + label + "." + namespace + "." + name + "." + suffix);
      assertThat(a.verdict()).as(namespace).isEqualTo(Verdict.REJECTED);
    }
  }

  @Property
  void everyWellFormedAddressUnderDotGovIsAccepted(
      @ForAll("localParts") String local, @ForAll("labels") String label) {
    EmailAssessment a = POLICY.assess(local + "@" + label + ".gov");

    assertThat(a.verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(a.reason()).isEqualTo("government namespace .gov");
    assertThat(a.normalizedAddress())
        .isEqualTo(local + "@" + label.toLowerCase(Locale.ROOT) + ".gov");
  }

  @Property
  void aLabelThatOnlyContainsGovIsNeverALookalike(
      @ForAll("plainLabels") String before,
      @ForAll("plainLabels") String after,
      @ForAll("nonGovernmentSuffixes") String suffix) {
    assumeIsRegistrable(before + "gov" + after + "." + suffix);
    EmailAssessment a = POLICY.assess("chief@" + before + "gov" + after + "." + suffix);

    assertThat(a.verdict()).isEqualTo(Verdict.REVIEW);
  }
}
