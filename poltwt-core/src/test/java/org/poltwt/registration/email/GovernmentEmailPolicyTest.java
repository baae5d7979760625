package org.poltwt.registration.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.net.IDN;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.InvalidInputException;

class GovernmentEmailPolicyTest {
  private static final GovernmentEmailPolicy DEFAULTS = GovernmentEmailPolicy.defaults();
  private static final String REVIEW_REASON =
      "not a recognised government domain; an organiser will review it";

  private static GovernmentEmailPolicy withDotGov;

  @BeforeAll
  static void loadDotGov() throws IOException {
    try (Reader csv = EmailTestData.dotGovCsv()) {
      withDotGov = GovernmentEmailPolicy.builder().usDotGovRegistry(csv).build();
    }
  }

  /** Asserts the verdict, and that neither the reason nor toString() repeats the address. */
  private static EmailAssessment assertVerdict(
      GovernmentEmailPolicy policy, String email, Verdict verdict) {
    EmailAssessment a = policy.assess(email);
    assertThat(a.verdict()).as("%s -> %s", email, a).isEqualTo(verdict);
    assertThat(a.reason()).isNotBlank();
    if (email != null && email.length() >= 3) {
      assertThat(a.reason()).doesNotContain(email);
      assertThat(a.toString()).doesNotContain(email);
      if (a.normalizedAddress() != null) {
        assertThat(a.toString()).doesNotContain(a.normalizedAddress());
      }
    }
    return a;
  }

  @Nested
  class DotGovData {
    private final List<String> domains = EmailTestData.dotGovDomains();

    @Test
    void theFixtureIsTheWholeFile() {
      assertThat(domains).hasSize(16_539).doesNotHaveDuplicates().allMatch(d -> d.endsWith(".gov"));
    }

    @Test
    void everyRegisteredDotGovDomainIsAcceptedByTheDefaults() {
      List<String> notAccepted = new ArrayList<>();
      for (String domain : domains) {
        EmailAssessment a = DEFAULTS.assess("security@" + domain);
        if (!a.accepted() || !a.reason().equals("government namespace .gov")) {
          notAccepted.add(domain + " " + a);
        }
      }
      assertThat(notAccepted).isEmpty();
    }

    @Test
    void everyRegisteredDotGovDomainIsAcceptedByTheRegistry() {
      List<String> notAccepted = new ArrayList<>();
      for (String domain : domains) {
        EmailAssessment a = withDotGov.assess("security@" + domain);
        if (!a.accepted() || !a.reason().equals("listed in registry 'us-dotgov'")) {
          notAccepted.add(domain + " " + a);
        }
        if (!a.normalizedAddress().equals("security@" + domain.toLowerCase(Locale.ROOT))) {
          notAccepted.add(domain + " normalised differently");
        }
      }
      assertThat(notAccepted).isEmpty();
    }

    @Test
    void subdomainsOfRegisteredDomainsAreCreditedToTheRegistry() {
      assertThat(withDotGov.assess("dispatch@pd.29palms.gov").reason())
          .isEqualTo("listed in registry 'us-dotgov'");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "36thdistrictcourt.org",
          "walker.city",
          "co.delaware.ny.us",
          "calcoso.org",
          "acera.org"
        })
    void securityContactDomainsStayInReviewWithAHintOnceTheRegistryIsLoaded(String domain) {
      // The contact column also names contractors and ISPs, so it informs the organiser, never
      // accepts.
      assertThat(EmailTestData.dotGovContactDomains()).contains(domain);
      assertVerdict(DEFAULTS, "it@" + domain, Verdict.REVIEW);
      EmailAssessment a = assertVerdict(withDotGov, "it@" + domain, Verdict.REVIEW);
      assertThat(a.reason()).contains("security contact of a US .gov registrant");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "gmail.com",
          "yahoo.com",
          "outlook.com",
          "hotmail.com",
          "aol.com",
          "icloud.com",
          "comcast.net",
          "att.net",
          "sbcglobal.net",
          "rochester.rr.com"
        })
    void freeMailDomainsOfSecurityContactsAreNeverVouchedFor(String domain) {
      assertThat(EmailTestData.dotGovContactDomains()).contains(domain);
      EmailAssessment a = withDotGov.assess("someone@" + domain);
      assertThat(a.rule()).isIn(EmailAssessment.Rule.WEBMAIL, EmailAssessment.Rule.ISP_MAILBOX);
      assertThat(DEFAULTS.assess("someone@" + domain).rule()).isEqualTo(a.rule());
    }

    @Test
    void everyOtherNonGovContactDomainGoesToReviewWithTheHint() {
      List<String> nonGov =
          EmailTestData.dotGovContactDomains().stream()
              .filter(d -> !d.endsWith(".gov"))
              .distinct()
              .collect(Collectors.toList());
      assertThat(nonGov).hasSizeGreaterThan(2500);
      List<String> misfiled = new ArrayList<>();
      int webmail = 0;
      for (String domain : nonGov) {
        EmailAssessment a = withDotGov.assess("it@" + domain);
        if (a.rule() == EmailAssessment.Rule.WEBMAIL
            || a.rule() == EmailAssessment.Rule.ISP_MAILBOX) {
          webmail++;
        } else if (a.rejected()
            || (a.accepted()
                && !a.reason().startsWith("government namespace")
                && a.rule() != EmailAssessment.Rule.TRUSTED_DOMAIN)) {
          misfiled.add(domain + " " + a);
        }
      }
      assertThat(misfiled).isEmpty();
      assertThat(webmail).isBetween(20, 60);
    }
  }

  @Nested
  class FreeMail {
    @ParameterizedTest
    @ValueSource(
        strings = {
          "jane@gmail.com",
          "x@yahoo.co.uk",
          "officer@outlook.com",
          "a.b@hotmail.fr",
          "chief@icloud.com",
          "desk@proton.me",
          "x@gmx.de",
          "x@yandex.ru",
          "x@mail.ru",
          "x@qq.com",
          "x@163.com",
          "x@AOL.com",
          "x@mail.GMAIL.com."
        })
    void webmailIsNeverAGovernmentAddress(String email) {
      EmailAssessment a = assertVerdict(DEFAULTS, email, Verdict.REJECTED);
      assertThat(a.rule()).isEqualTo(EmailAssessment.Rule.WEBMAIL);
      assertThat(a.reason()).contains("webmail").doesNotContain(email);
    }

    @ParameterizedTest
    @ValueSource(strings = {"x@comcast.net", "x@att.net", "x@rochester.rr.com"})
    void internetProvidersMailboxesGoToReview(String email) {
      EmailAssessment a = assertVerdict(DEFAULTS, email, Verdict.REVIEW);
      assertThat(a.rule()).isEqualTo(EmailAssessment.Rule.ISP_MAILBOX);
    }

    @Test
    void onlyTheApplicationsAllowListOverridesWebmail() {
      GovernmentEmailPolicy p = GovernmentEmailPolicy.builder().allowDomains("gmail.com").build();
      assertThat(p.assess("x@gmail.com").rule()).isEqualTo(EmailAssessment.Rule.ALLOW_LIST);
      GovernmentEmailPolicy registry =
          GovernmentEmailPolicy.builder().registry("cms", List.of("police.example")).build();
      assertThat(registry.assess("x@yahoo.com").rule()).isEqualTo(EmailAssessment.Rule.WEBMAIL);
    }

    @ParameterizedTest
    @ValueSource(strings = {GovernmentEmailPolicy.WEBMAIL, GovernmentEmailPolicy.ISP_MAIL})
    void everyListedDomainIsAFreeMailDomainAndNoGovernmentOne(String list) {
      List<String> domains = new ArrayList<>();
      EmailDomainLines.readBundled(list, (line, entry) -> domains.add(entry));
      assertThat(domains).hasSizeGreaterThan(40).doesNotHaveDuplicates();
      for (String domain : domains) {
        EmailAssessment a = DEFAULTS.assess("someone@" + domain);
        assertThat(a.rule())
            .as(domain)
            .isEqualTo(
                list.equals(GovernmentEmailPolicy.WEBMAIL)
                    ? EmailAssessment.Rule.WEBMAIL
                    : EmailAssessment.Rule.ISP_MAILBOX);
        assertThat(GovernmentEmailPolicy.isWebmail(domain)).isTrue();
      }
    }
  }

  @Nested
  class Lookalikes {
    static Stream<String> lookalikes() {
      String cyrillicO = "\u043E";
      String greekO = "\u03BF";
      return Stream.of(
          // a government suffix placed below somebody else's registrable domain
          "police.gov.example.com",
          "gov.uk.attacker.io",
          "mil.example.org",
          "gouv.fr.evil.net",
          "met.police.uk.example.net",
          "rcmp.gc.ca.evil.com",
          "npa.go.jp.phish.co",
          "sheriff.gov.example.co.uk",
          "ssp.gob.mx.example.com",
          "police.govt.nz.example.org",
          "ec.europa.eu.example.com",
          "bka.bund.de.example.net",
          "fedpol.admin.ch.example.org",
          "police.uk.com",
          "gov.au.attacker.biz",
          "x.gov.github.io",
          "www.gov.mail.example.info",
          // uppercase and trailing-dot tricks
          "GOV.UK.ATTACKER.IO",
          "Police.Gov.Example.Com.",
          "police.gov.example.com.",
          "police.gov..",
          "police..gov",
          // mixed scripts, typed and as punycode
          "p" + cyrillicO + "lice.gov",
          "p" + cyrillicO + "lice.gov.uk",
          IDN.toASCII("p" + cyrillicO + "lice") + ".gov",
          "g" + cyrillicO + "v.uk",
          "police.g" + cyrillicO + "uv.fr",
          "p" + greekO + "lice.gov",
          "xn--pple-43d.com",
          // whole-script lookalikes: Cyrillic and Greek letters that spell Latin-looking names
          "\u0440\u043E\u0433\u0456\u0441\u0435.gov", // рогісе
          "\u0441\u043E\u0440\u0435.gov", // соре
          "\u0501\u043E\u0456.gov", // ԁоі
          IDN.toASCII("\u0501\u043E\u0456") + ".gov",
          "\u0430\u0456\u0433.mil", // аіг
          "\u0440\u0430\u0443\u0440\u0430\u04CF.com", // раураӏ
          "\u03BF\u03C1\u03B1.gov", // ορα
          "police.\u050D\u043E\u0475", // police.ԍоѵ: a lookalike top-level domain
          // special Latin letters and non-ASCII hyphens
          "\u0261ov.uk", // ɡov.uk
          "pol\u0131ce.gov", // polıce.gov with a dotless i
          "police\u2010dept.gov",
          // invisible characters
          "pol\u200Bice.gov",
          "pol\u00ADice.gov",
          "pol\uFE0Fice.gov");
    }

    @ParameterizedTest
    @MethodSource("lookalikes")
    void areRejected(String domain) {
      assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REJECTED);
    }

    @Test
    void theCorpusIsLargeEnough() {
      assertThat(lookalikes().count()).isGreaterThanOrEqualTo(30);
    }

    @Test
    void reasonsNameTheTrick() {
      assertThat(DEFAULTS.assess("chief@police.gov.example.com").reason())
          .isEqualTo("government suffix used as a subdomain of example.com");
      assertThat(DEFAULTS.assess("chief@gov.uk.attacker.io").reason())
          .isEqualTo("government suffix used as a subdomain of attacker.io");
      assertThat(DEFAULTS.assess("chief@sheriff.gov.example.co.uk").reason())
          .isEqualTo("government suffix used as a subdomain of example.co.uk");
      assertThat(DEFAULTS.assess("chief@p\u043Elice.gov").reason())
          .startsWith("the domain mixes scripts (Latin and Cyrillic)")
          .contains("lookalike");
      assertThat(DEFAULTS.assess("chief@\u0440\u043E\u0433\u0456\u0441\u0435.gov").reason())
          .contains("Cyrillic")
          .contains("lookalike");
    }

    @Test
    void theNormalisedAddressOfALookalikeIsKeptForTheRecord() {
      EmailAssessment a = DEFAULTS.assess("chief@p\u043Elice.gov");
      assertThat(a.normalizedAddress()).isEqualTo("chief@" + IDN.toASCII("p\u043Elice") + ".gov");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "sfgov.org",
          "denvergov.org",
          "miamigov.com",
          "govdelivery.com",
          "nygov.us",
          "gov-uk.com",
          "govuk.net",
          "mygov.info",
          "go.example.com",
          "int.example.com",
          "intranet.police.example"
        })
    void govInsideALabelIsNotALookalike(String domain) {
      EmailAssessment a = assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REVIEW);
      assertThat(a.reason()).contains("an organiser will review it");
    }

    @ParameterizedTest
    @ValueSource(strings = {"gov.com", "gov.si", "gov.co.uk", "mil.example", "police.gov.xyz"})
    void aGovernmentLabelAsTheRegisteredNameGoesToReviewWithAWarning(String domain) {
      // some governments hold such domains (gov.si); an organiser looks, warned
      EmailAssessment a = assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REVIEW);
      assertThat(a.reason()).contains("is not a recognised government namespace");
    }

    @Test
    void aHomoglyphDigitUnderDotGovIsStillDotGov() {
      // .gov is a controlled namespace: po1ice.gov can only exist if CISA registered it.
      assertVerdict(DEFAULTS, "chief@po1ice.gov", Verdict.ACCEPTED);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "полиция.рф",
          "警察.jp",
          "kommune.dk",
          "münchen.de",
          "xn--h1aahle9bwd.xn--p1ai",
          "сорока.рф",
          "соре.ru",
          "ελληνικά.gr",
          "東京police.jp",
          "경찰청.kr"
        })
    void singleScriptInternationalNamesGoThroughTheNormalRules(String domain) {
      assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REVIEW);
    }

    @Test
    void singleScriptInternationalNamesUnderAGovernmentNamespaceAreAccepted() {
      assertVerdict(DEFAULTS, "chief@警察.go.jp", Verdict.ACCEPTED);
    }
  }

  @Nested
  class Syntax {
    static Stream<Arguments> malformed() {
      String local64 = "a".repeat(64);
      String label63 = "b".repeat(63);
      return Stream.of(
          Arguments.of(null, "missing"),
          Arguments.of("", "empty"),
          Arguments.of("chief.police.gov", "@ sign"),
          Arguments.of("chief@@police.gov", "exactly one @"),
          Arguments.of("chief@sheriff@police.gov", "exactly one @"),
          Arguments.of("\"chief\"@police.gov", "quoted"),
          Arguments.of("\"chief of police\"@police.gov", "quoted"),
          Arguments.of("\"chief@home\"@police.gov", "quoted"),
          Arguments.of("chief(comment)@police.gov", "comments"),
          Arguments.of("chief@police.gov(comment)", "comments"),
          Arguments.of("chief@[192.0.2.1]", "IP-address literals"),
          Arguments.of("chief@[IPv6:2001:db8::1]", "IP-address literals"),
          Arguments.of("chief@192.0.2.1", "IP addresses"),
          Arguments.of("chief @police.gov", "whitespace"),
          Arguments.of(" chief@police.gov", "whitespace"),
          Arguments.of("chief@police.gov ", "whitespace"),
          Arguments.of("chief@police.gov\n", "whitespace"),
          Arguments.of("chief\t@police.gov", "whitespace"),
          Arguments.of("chief\u00A0@police.gov", "whitespace"),
          Arguments.of("chief@police\u3000gov", "whitespace"),
          Arguments.of("chief\u0000@police.gov", "control"),
          Arguments.of("chief\u007F@police.gov", "control"),
          Arguments.of("chief@pol\u200Bice.gov", "invisible"),
          Arguments.of("chief\u202E@police.gov", "invisible"),
          Arguments.of("chief@police.gov\uFEFF", "invisible"),
          Arguments.of("chief\uD800@police.gov", "invisible"),
          Arguments.of("chief@pol\u3164ice.gov.uk", "invisible"),
          Arguments.of("@police.gov", "local part (before the @) is empty"),
          Arguments.of("chief@", "domain (after the @) is empty"),
          Arguments.of("chief@.", "domain is empty"),
          Arguments.of(".chief@police.gov", "local part must not start with a dot"),
          Arguments.of("chief.@police.gov", "local part must not end with a dot"),
          Arguments.of("chi..ef@police.gov", "two dots in a row"),
          Arguments.of("chief,deputy@police.gov", "','"),
          Arguments.of("chief<x>@police.gov", "'<'"),
          Arguments.of("chief\\x@police.gov", "'\\'"),
          Arguments.of("chief:x@police.gov", "':'"),
          Arguments.of("chief[1]@police.gov", "'['"),
          Arguments.of("jefe.policía@police.gov", "ASCII"),
          Arguments.of("警察@police.go.jp", "ASCII"),
          Arguments.of(local64 + "a@police.gov", "longer than 64"),
          Arguments.of("chief@.police.gov", "domain must not start with a dot"),
          Arguments.of("chief@police..gov", "two dots in a row"),
          Arguments.of("chief@police.gov..", "two dots"),
          Arguments.of("chief@police", "at least two labels"),
          Arguments.of("chief@gov", "at least two labels"),
          Arguments.of("chief@-police.gov", "hyphen"),
          Arguments.of("chief@police-.gov", "hyphen"),
          Arguments.of("chief@police_dept.gov", "'_'"),
          Arguments.of("chief@pol!ce.gov", "'!'"),
          Arguments.of("chief@" + label63 + "b.gov", "longer than 63"),
          Arguments.of("chief@police.123", "all digits"),
          Arguments.of("chief@xn--abc.gov", "xn--"),
          Arguments.of("chief@xn--police-.gov", "hyphen"),
          Arguments.of("chief@po\uFFFDlice.gov", "internationalised"),
          // fits in 254 characters as typed, but not once the domain is in punycode
          Arguments.of(
              local64 + "@" + ("\u00FC".repeat(45) + ".").repeat(4) + "de", "longer than 254"),
          Arguments.of(
              local64 + "@" + (label63 + ".").repeat(3) + "b".repeat(57) + ".gov",
              "longer than 254"),
          Arguments.of("chief@" + "a".repeat(10_000) + ".gov", "longer than 254"));
    }

    @ParameterizedTest
    @MethodSource("malformed")
    void isRejectedWithAReasonThatNamesTheProblem(String email, String problem) {
      EmailAssessment a = assertVerdict(DEFAULTS, email, Verdict.REJECTED);
      assertThat(a.reason()).containsIgnoringCase(problem);
      assertThat(a.normalizedAddress()).isNull();
      assertThat(a.domain()).isEmpty();
    }

    @Test
    void theLongestLegalAddressIsAccepted() {
      String local = "a".repeat(64);
      String domain = "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(57) + ".gov";
      assertThat(local.length() + 1 + domain.length()).isEqualTo(254);
      assertVerdict(DEFAULTS, local + "@" + domain, Verdict.ACCEPTED);
      // the trailing dot is not part of the normalised address, so it does not count
      assertVerdict(DEFAULTS, local + "@" + domain + ".", Verdict.ACCEPTED);
      assertVerdict(
          DEFAULTS, local + "@" + domain.replace("ddd.gov", "dddd.gov"), Verdict.REJECTED);
    }

    @Test
    void theLongestLegalDomainIsTakenByTheBuilder() {
      String domain =
          "b".repeat(63)
              + "."
              + "c".repeat(63)
              + "."
              + "d".repeat(63)
              + "."
              + "e".repeat(57)
              + ".gov";
      assertThat(domain).hasSize(253);
      assertThatCode(
              () ->
                  GovernmentEmailPolicy.builder()
                      .denyDomains(domain + ".", domain.toUpperCase(Locale.ROOT)))
          .doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "o'brien@police.gov",
          "first.last@police.gov",
          "a+tag@police.gov",
          "x!#$%&'*+/=?^_`{|}~-y@police.gov",
          "1@police.gov"
        })
    void everyAtextCharacterIsAllowedInTheLocalPart(String email) {
      assertThat(DEFAULTS.assess(email).normalizedAddress()).isEqualTo(email);
      assertVerdict(DEFAULTS, email, Verdict.ACCEPTED);
    }
  }

  @Nested
  class Normalisation {
    @Test
    void domainCaseAndOneTrailingDotAreNormalisedTheLocalPartIsKept() {
      EmailAssessment a = assertVerdict(DEFAULTS, "Chief@Police.GOV.", Verdict.ACCEPTED);
      assertThat(a.normalizedAddress()).isEqualTo("Chief@police.gov");
      assertThat(a.domain()).contains("police.gov");
      assertThat(a.reason()).isEqualTo("government namespace .gov");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "polizei@münchen.de",
          "polizei@MÜNCHEN.DE",
          "polizei@xn--mnchen-3ya.de",
          "polizei@XN--MNCHEN-3YA.DE."
        })
    void internationalisedDomainsAreStoredAsPunycode(String email) {
      EmailAssessment a = assertVerdict(DEFAULTS, email, Verdict.REVIEW);
      assertThat(a.normalizedAddress()).isEqualTo("polizei@xn--mnchen-3ya.de");
      assertThat(a.reason()).isEqualTo(REVIEW_REASON);
    }

    @Test
    void fullWidthLettersAndIdeographicDotsAreMappedAsIdnaSays() {
      assertThat(DEFAULTS.assess("chief@ｐｏｌｉｃｅ.gov").normalizedAddress())
          .isEqualTo("chief@police.gov");
      assertThat(DEFAULTS.assess("chief@police。gov").normalizedAddress())
          .isEqualTo("chief@police.gov");
    }

    @Test
    void sharpSIsMappedToSsAsIdna2003Says() {
      assertThat(DEFAULTS.assess("polizei@straße.de").normalizedAddress())
          .isEqualTo("polizei@strasse.de");
    }

    @Test
    void cyrillicDomainsAreStoredAsPunycode() {
      assertThat(DEFAULTS.assess("chief@полиция.рф").domain()).contains("xn--h1aahle9bwd.xn--p1ai");
    }
  }

  @Nested
  class Namespaces {
    static Stream<Arguments> governments() {
      return Stream.of(
          Arguments.of("chief@homeoffice.gov.uk", "gov.uk"),
          Arguments.of("chief@gov.uk", "gov.uk"),
          Arguments.of("inspector@met.police.uk", "police.uk"),
          Arguments.of("constable@rcmp-grc.gc.ca", "gc.ca"),
          Arguments.of("officer@police.vic.gov.au", "gov.au"),
          Arguments.of("officer@afp.gov.au", "gov.au"),
          Arguments.of("officer@police.govt.nz", "govt.nz"),
          Arguments.of("agente@ssp.gob.mx", "gob.mx"),
          Arguments.of("agente@policia.gob.es", "gob.es"),
          Arguments.of("agente@minseg.gob.ar", "gob.ar"),
          Arguments.of("gendarme@interieur.gouv.fr", "gouv.fr"),
          Arguments.of("agente@pf.gov.br", "gov.br"),
          Arguments.of("keisatsu@npa.go.jp", "go.jp"),
          Arguments.of("officer@police.go.kr", "go.kr"),
          Arguments.of("officer@polri.go.id", "go.id"),
          Arguments.of("officer@police.go.th", "go.th"),
          Arguments.of("officer@police.go.ke", "go.ke"),
          Arguments.of("soldier@army.mil", "mil"),
          Arguments.of("beamter@bmi.gv.at", "gv.at"),
          Arguments.of("polizei@fedpol.admin.ch", "admin.ch"),
          Arguments.of("polizei@bka.bund.de", "bund.de"),
          Arguments.of("officer@europol.europa.eu", "europa.eu"),
          Arguments.of("officer@interpol.int", "int"),
          Arguments.of("agent@spvm.gouv.qc.ca", "gouv.qc.ca"),
          Arguments.of("officer@gov.bc.ca", "gov.bc.ca"),
          Arguments.of("officer@mha.gov.in", "gov.in"),
          Arguments.of("officer@nic.in", "nic.in"),
          Arguments.of("officer@spf.gov.sg", "gov.sg"),
          Arguments.of("officer@saps.gov.za", "gov.za"),
          Arguments.of("officer@policia.gov.co", "gov.co"),
          Arguments.of("officer@minterior.gub.uy", "gub.uy"),
          Arguments.of("officer@mil.no", "mil.no"),
          Arguments.of("officer@garda.gov.ie", "gov.ie"),
          Arguments.of("officer@politie.gov.nl", "gov.nl"),
          Arguments.of("officer@police.gov.scot", "gov.scot"));
    }

    @ParameterizedTest
    @MethodSource("governments")
    void areAccepted(String email, String namespace) {
      EmailAssessment a = assertVerdict(DEFAULTS, email, Verdict.ACCEPTED);
      assertThat(a.reason()).isEqualTo("government namespace ." + namespace);
    }

    @ParameterizedTest
    @ValueSource(strings = {"co.uk", "com.au", "qc.ca", "go.it", "foo.ck", "org.mx"})
    void aBarePublicSuffixIsRejected(String domain) {
      EmailAssessment a = assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REJECTED);
      assertThat(a.reason()).contains("public suffix");
    }

    @ParameterizedTest
    @ValueSource(
        strings = {"comune.go.it", "police.gv.vc", "polizei.de", "polizei.ch", "police.gov.local"})
    void lookalikeNamespacesThatAreNotGovernmentGoToReview(String domain) {
      // go.it is Gorizia, gv.vc a company's namespace in the PSL's PRIVATE section, .local no TLD
      assertVerdict(DEFAULTS, "chief@" + domain, Verdict.REVIEW);
    }

    @Test
    void anUnknownTopLevelDomainGoesToReviewWithItsOwnReason() {
      assertThat(DEFAULTS.assess("chief@police.notatld").reason())
          .contains("not in the Public Suffix List");
    }
  }

  @Nested
  class Lists {
    private final GovernmentEmailPolicy policy =
        GovernmentEmailPolicy.builder()
            .allowDomains("example.org", "LAPD.Online.")
            .denyDomains(List.of("bad.example.org", "rogue.gov", "rogue.lapd.online"))
            .registry("eu-police", List.of("politi.dk", "politie.nl", "rogue.gov"))
            .build();

    @Test
    void allowAcceptsTheDomainAndItsSubdomains() {
      assertThat(assertVerdict(policy, "chief@example.org", Verdict.ACCEPTED).reason())
          .isEqualTo("allow-listed domain");
      assertVerdict(policy, "chief@deep.sub.example.org", Verdict.ACCEPTED);
      assertVerdict(policy, "chief@lapd.online", Verdict.ACCEPTED);
      assertVerdict(policy, "chief@notexample.org", Verdict.REVIEW);
    }

    @Test
    void denyBeatsAllowRegistryAndNamespace() {
      for (String email :
          List.of(
              "x@bad.example.org",
              "x@y.bad.example.org",
              "x@rogue.gov",
              "x@sub.rogue.gov",
              "x@rogue.lapd.online")) {
        assertThat(assertVerdict(policy, email, Verdict.REJECTED).reason())
            .isEqualTo("deny-listed domain");
      }
    }

    @Test
    void registriesAcceptWithTheirName() {
      assertThat(assertVerdict(policy, "x@politi.dk", Verdict.ACCEPTED).reason())
          .isEqualTo("listed in registry 'eu-police'");
      assertThat(assertVerdict(policy, "x@nord.politi.dk", Verdict.ACCEPTED).reason())
          .isEqualTo("listed in registry 'eu-police'");
      // Without the registry, only the bundled police list would accept it.
      assertVerdict(DEFAULTS.withTrustedDomains(d -> false), "x@politi.dk", Verdict.REVIEW);
    }

    @Test
    void aDomainInSeveralRegistriesIsCreditedToTheFirst() {
      GovernmentEmailPolicy p =
          GovernmentEmailPolicy.builder()
              .registry("first", List.of("a-town.org"))
              .registry("second", List.of("a-town.org", "b-town.org"))
              .registry("first", List.of("c-town.org"))
              .build();
      assertThat(p.assess("x@a-town.org").reason()).isEqualTo("listed in registry 'first'");
      assertThat(p.assess("x@b-town.org").reason()).isEqualTo("listed in registry 'second'");
      assertThat(p.assess("x@c-town.org").reason()).isEqualTo("listed in registry 'first'");
    }

    @Test
    void allowListReadsOneDomainPerLineWithComments() {
      String list =
          "# agencies vetted by the organisers\n\n  lapd.online   # Los Angeles\nNYPD.ORG.\n\t# indented comment\n";
      GovernmentEmailPolicy p =
          GovernmentEmailPolicy.builder().allowList(new StringReader(list)).build();
      assertVerdict(p, "x@lapd.online", Verdict.ACCEPTED);
      assertVerdict(p, "x@nypd.org", Verdict.ACCEPTED);
      assertVerdict(p, "x@agencies.org", Verdict.REVIEW);
    }

    @Test
    void allowListNamesTheBadLineAndAddsNothing() {
      GovernmentEmailPolicy.Builder b = GovernmentEmailPolicy.builder();
      InvalidInputException e =
          catchThrowableOfType(
              InvalidInputException.class,
              () -> b.allowList(new StringReader("lapd.online\n# ok\nnot_a_domain.org\n")));
      assertThat(e.code()).isEqualTo("email-policy.invalid");
      assertThat(e.field()).isEqualTo("allowList line 3");
      assertThat(b.build().withTrustedDomains(d -> false).assess("x@lapd.online").verdict())
          .isEqualTo(Verdict.REVIEW);

      InvalidInputException two =
          catchThrowableOfType(
              InvalidInputException.class,
              () -> b.allowList(new StringReader("lapd.online nypd.org\n")));
      assertThat(two.reason()).contains("line 1");
    }

    @Test
    void allowListedLookalikesAreTheOrganisersCall() {
      // explicit trust comes before the heuristics: the owner of example.org controls its
      // subdomains anyway
      assertVerdict(policy, "x@police.gov.example.org", Verdict.ACCEPTED);
    }
  }

  @Nested
  class Builders {
    @Test
    void nullArgumentsAreNamed() {
      GovernmentEmailPolicy.Builder b = GovernmentEmailPolicy.builder();
      assertThatThrownBy(() -> b.allowDomains((String[]) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("domains");
      assertThatThrownBy(() -> b.allowDomains((Collection<String>) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("domains");
      assertThatThrownBy(() -> b.allowDomains("a.gov", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("allowDomains[1]");
      assertThatThrownBy(() -> b.denyDomains(java.util.Arrays.asList("a.org", null)))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("denyDomains[1]");
      assertThatThrownBy(() -> b.registry(null, List.of()))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("name");
      assertThatThrownBy(() -> b.registry("r", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("domains");
      assertThatThrownBy(() -> b.usDotGovRegistry(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("csv");
      assertThatThrownBy(() -> b.allowList(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("lines");
      assertThatThrownBy(() -> b.publicSuffixList(null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("psl");
      assertThatThrownBy(() -> b.governmentSuffixes((String[]) null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("suffixes");
      assertThatThrownBy(() -> b.governmentSuffixes("gov.example", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("governmentSuffixes[1]");
    }

    static Stream<Arguments> malformedDomains() {
      return Stream.of(
          Arguments.of(
              (Runnable)
                  () -> GovernmentEmailPolicy.builder().allowDomains("a.gov", "b.gov", "b..c"),
              "allowDomains[2]"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().allowDomains("localhost"),
              "allowDomains[0]"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().allowDomains(""), "allowDomains[0]"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().allowDomains("chief@police.gov"),
              "allowDomains[0]"),
          Arguments.of(
              (Runnable)
                  () ->
                      GovernmentEmailPolicy.builder()
                          .allowDomains(("b".repeat(63) + ".").repeat(4) + "gov"),
              "allowDomains[0]"),
          Arguments.of(
              (Runnable)
                  () ->
                      GovernmentEmailPolicy.builder()
                          .allowDomains(("b".repeat(63) + ".").repeat(3) + "c".repeat(58) + ".gov"),
              "allowDomains[0]"),
          Arguments.of(
              (Runnable)
                  () ->
                      GovernmentEmailPolicy.builder()
                          .denyDomains(List.of("ok.org", "bad_domain.org")),
              "denyDomains[1]"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().registry("r", List.of("-x.org")),
              "registry.domains[0]"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().registry("bad name", List.of()),
              "registry.name"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().registry("", List.of()),
              "registry.name"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().registry("who@where", List.of()),
              "registry.name"),
          Arguments.of(
              (Runnable) () -> GovernmentEmailPolicy.builder().governmentSuffixes("gov..example"),
              "governmentSuffixes[0]"),
          Arguments.of(
              (Runnable)
                  () -> GovernmentEmailPolicy.builder().governmentSuffixes("ok.example", " gov"),
              "governmentSuffixes[1]"));
    }

    @ParameterizedTest
    @MethodSource("malformedDomains")
    void malformedDomainsFailAtOnceNamingTheField(Runnable call, String field) {
      InvalidInputException e = catchThrowableOfType(InvalidInputException.class, call::run);
      assertThat(e).isNotNull();
      assertThat(e.code()).isEqualTo("email-policy.invalid");
      assertThat(e.field()).isEqualTo(field);
      assertThat(e.getMessage()).doesNotContain("chief@police.gov");
    }

    @Test
    void governmentSuffixesExtendTheNamespacesAndTheLookalikeRule() {
      GovernmentEmailPolicy p =
          GovernmentEmailPolicy.builder()
              .governmentSuffixes("gov.example", ".Police.Example")
              .build();
      assertThat(assertVerdict(p, "x@police.gov.example", Verdict.ACCEPTED).reason())
          .isEqualTo("government namespace .gov.example");
      assertThat(assertVerdict(p, "x@dept.police.example", Verdict.ACCEPTED).reason())
          .isEqualTo("government namespace .police.example");
      assertVerdict(p, "x@police.example.evil.com", Verdict.REJECTED);
      assertVerdict(DEFAULTS, "x@dept.police.example", Verdict.REVIEW);
    }

    @Test
    void theBuilderCanBeReusedAndPoliciesDoNotChangeAfterwards() {
      GovernmentEmailPolicy.Builder b = GovernmentEmailPolicy.builder().allowDomains("first.org");
      GovernmentEmailPolicy before = b.build();
      b.allowDomains("second.org");
      GovernmentEmailPolicy after = b.build();
      assertThat(before.assess("x@second.org").verdict()).isEqualTo(Verdict.REVIEW);
      assertThat(after.assess("x@second.org").verdict()).isEqualTo(Verdict.ACCEPTED);
      assertThat(after.assess("x@first.org").verdict()).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void defaultsIsOneSharedInstance() {
      assertThat(GovernmentEmailPolicy.defaults()).isSameAs(GovernmentEmailPolicy.defaults());
    }

    @Test
    void aReplacedPublicSuffixListDecidesThePatternNamespaces() {
      String psl =
          "// ===BEGIN ICANN DOMAINS===\ncom\nuk\nco.uk\ngov.uk\nau\n// ===END ICANN DOMAINS===\n"
              + "// ===BEGIN PRIVATE DOMAINS===\nexample.com\n// ===END PRIVATE DOMAINS===\n";
      GovernmentEmailPolicy p =
          GovernmentEmailPolicy.builder().publicSuffixList(new StringReader(psl)).build();
      assertVerdict(p, "x@homeoffice.gov.uk", Verdict.ACCEPTED);
      // without gov.au in the list, gov.au is a registered name under .au: review, with a warning
      assertThat(assertVerdict(p, "x@afp.gov.au", Verdict.REVIEW).reason())
          .contains("'gov' under .au");
      // the PRIVATE section is ignored: police.gov.example.com is still a subdomain of example.com
      assertThat(p.assess("x@police.gov.example.com").reason())
          .isEqualTo("government suffix used as a subdomain of example.com");
      assertVerdict(p, "x@co.uk", Verdict.REJECTED);
    }

    @Test
    void aMalformedPublicSuffixListIsRefusedWithItsLine() {
      InvalidInputException e =
          catchThrowableOfType(
              InvalidInputException.class,
              () ->
                  GovernmentEmailPolicy.builder()
                      .publicSuffixList(new StringReader("// header\ncom\nfoo..bar\n")));
      assertThat(e.field()).isEqualTo("publicSuffixList");
      assertThat(e.reason()).contains("line 3");
      InvalidInputException empty =
          catchThrowableOfType(
              InvalidInputException.class,
              () ->
                  GovernmentEmailPolicy.builder()
                      .publicSuffixList(new StringReader("// nothing\n")));
      assertThat(empty.reason()).contains("no ICANN rules");
    }
  }

  @Nested
  class DotGovCsv {
    private InvalidInputException loadFails(String csv) {
      InvalidInputException e =
          catchThrowableOfType(
              InvalidInputException.class,
              () -> GovernmentEmailPolicy.builder().usDotGovRegistry(new StringReader(csv)));
      assertThat(e).as("no failure for %s", csv).isNotNull();
      assertThat(e.code()).isEqualTo("registry.invalid");
      assertThat(e.field()).isEqualTo("csv");
      return e;
    }

    @Test
    void malformedFilesFailWithTheLineNumber() {
      assertThat(loadFails("").reason()).contains("line 1");
      assertThat(loadFails("Name,Type\r\nx.gov,City\r\n").reason())
          .contains("line 1")
          .contains("Domain name");
      assertThat(loadFails("Domain name,Type\r\na.gov,City\r\nb.gov,City,Extra\r\n").reason())
          .contains("line 3")
          .contains("fields");
      assertThat(loadFails("Domain name,Organization name\r\na.gov,\"Town of A\r\n").reason())
          .contains("line 2")
          .contains("not closed");
      assertThat(loadFails("Domain name,Organization name\r\na.gov,Town \"A\"\r\n").reason())
          .contains("line 2")
          .contains("quote");
      assertThat(loadFails("Domain name,Organization name\r\na.gov,\"Town\" A\r\n").reason())
          .contains("line 2");
      assertThat(
              loadFails("Domain name,Security contact email\r\nbad_domain.gov,it@x.org\r\n")
                  .reason())
          .contains("line 2");
      // a quoted field spanning two lines still counts lines
      assertThat(
              loadFails(
                      "Domain name,Organization name,Security contact email\r\n"
                          + "a.gov,\"Town of A,\r\nB\",it@a-town.org\r\nbad..gov,x,y\r\n")
                  .reason())
          .contains("line 4");
    }

    @Test
    void failuresNeverQuoteTheContactAddresses() {
      InvalidInputException e =
          loadFails("Domain name,Security contact email\r\na.gov,chief@a-town.org,extra\r\n");
      assertThat(e.getMessage()).doesNotContain("chief@a-town.org");
    }

    @Test
    void blankCellsWebmailAndUnparseableContactsAreSkipped() {
      String csv =
          "\uFEFFDomain name,Domain type,Security contact email\n"
              + "a.gov,City,(blank)\n"
              + "b.gov,City,\n"
              + "(blank),City,it@orphan-county.org\n"
              + "c.gov,City,it@gmail.com\n"
              + "d.gov,County,\"IT Desk <it@d-county.org>\"\n"
              + "e.gov,County,soc@E-County.ORG\n"
              + "f.gov,County,it@co.uk\n"
              + "g.gov,County,it@sheriff.g.gov\n"
              + "\n";
      GovernmentEmailPolicy p =
          GovernmentEmailPolicy.builder().usDotGovRegistry(new StringReader(csv)).build();
      assertThat(p.assess("x@a.gov").reason()).isEqualTo("listed in registry 'us-dotgov'");
      assertThat(p.assess("x@orphan-county.org").reason())
          .contains("security contact of a US .gov registrant");
      assertThat(p.assess("x@e-county.org").reason())
          .contains("security contact of a US .gov registrant");
      assertThat(p.assess("x@gmail.com").rule()).isEqualTo(EmailAssessment.Rule.WEBMAIL);
      assertThat(p.assess("x@d-county.org").verdict()).isEqualTo(Verdict.REVIEW);
      assertThat(p.assess("x@co.uk").verdict()).isEqualTo(Verdict.REJECTED);
    }

    @Test
    void aFailedLoadAddsNothing() {
      GovernmentEmailPolicy.Builder b = GovernmentEmailPolicy.builder();
      catchThrowableOfType(
          InvalidInputException.class,
          () -> b.usDotGovRegistry(new StringReader("Domain name\na.gov\nb..gov\n")));
      assertThat(b.build().assess("x@a.gov").reason()).isEqualTo("government namespace .gov");
    }
  }

  @Nested
  class Assessments {
    @Test
    void conveniencesFollowTheVerdict() {
      EmailAssessment accepted =
          new EmailAssessment(EmailAssessment.Rule.GOVERNMENT_NAMESPACE, "r", "a@b.gov");
      assertThat(accepted.accepted()).isTrue();
      assertThat(accepted.needsReview()).isFalse();
      assertThat(accepted.rejected()).isFalse();
      assertThat(
              new EmailAssessment(EmailAssessment.Rule.UNRECOGNISED, "r", "a@b.org").needsReview())
          .isTrue();
      EmailAssessment rejected = new EmailAssessment(EmailAssessment.Rule.SYNTAX, "r", null);
      assertThat(rejected.rejected()).isTrue();
      assertThat(rejected.domain()).isEmpty();
      assertThat(accepted.domain()).contains("b.gov");
    }

    @Test
    void toStringShowsTheDomainButNeverTheAddress() {
      EmailAssessment a = DEFAULTS.assess("john.doe@police.gov");
      assertThat(a.toString())
          .doesNotContain("john.doe")
          .contains("ACCEPTED")
          .contains("government namespace .gov")
          .contains("police.gov");
      assertThat(DEFAULTS.assess("john.doe").toString()).doesNotContain("john.doe");
    }

    @Test
    void invalidAssessmentsAreRefused() {
      assertThatThrownBy(() -> new EmailAssessment(null, "r", null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("rule");
      assertThatThrownBy(() -> new EmailAssessment(EmailAssessment.Rule.SYNTAX, null, null))
          .isInstanceOf(NullPointerException.class)
          .hasMessage("reason");
      assertThatThrownBy(() -> new EmailAssessment(EmailAssessment.Rule.SYNTAX, " ", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("reason");
      assertThatThrownBy(() -> new EmailAssessment(EmailAssessment.Rule.REGISTRY, "r", null))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("normalizedAddress");
      assertThatThrownBy(
              () -> new EmailAssessment(EmailAssessment.Rule.ISP_MAILBOX, "r", "secret-no-at"))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageStartingWith("normalizedAddress")
          .hasMessageNotContaining("secret-no-at");
    }
  }

  @Test
  void isSafeToShareBetweenThreads() {
    List<String> domains = EmailTestData.dotGovDomains();
    long accepted =
        domains.parallelStream()
            .map(d -> withDotGov.assess("chief@" + d))
            .filter(EmailAssessment::accepted)
            .count();
    assertThat(accepted).isEqualTo(domains.size());
  }
}
