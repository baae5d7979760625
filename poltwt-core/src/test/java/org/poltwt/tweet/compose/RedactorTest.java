package org.poltwt.tweet.compose;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactorTest {

  private static String call(String text) {
    return Redactor.CALL_FOR_SERVICE.redact(text);
  }

  @Nested
  class Emails {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Caller jane.doe@example.org reports a lost wallet | Caller reports a lost wallet",
          "Complainant emailed j_smith+alerts@mail.example.co.uk about the noise. | Complainant emailed about the noise.",
          "Contact: jane@example.org. | Contact.",
          "Sender (scam@fraud.example.net) asked for gift cards | Sender asked for gift cards",
          "Threats sent from bob＠example.com daily | Threats sent from daily",
          "Email from ÉLODIE.rené@exemple.fr | Email from",
        })
    void areDropped(String in, String out) {
      assertThat(call(in)).isEqualTo(out);
    }

    @Test
    void areDroppedFromTopicPostsToo() {
      assertThat(
              Redactor.TOPIC.redact(
                  "Questions? Write to community@police.example.gov and we will answer"))
          .isEqualTo("Questions? Write to and we will answer");
    }

    @Test
    void aUrlThatCarriesAnEmailIsDroppedWhole() {
      assertThat(
              Redactor.TOPIC.redact("Form: https://example.org/report?cc=jane@example.org thanks"))
          .isEqualTo("Form: thanks");
    }

    @Test
    void handlesAndPlainUrlsStay() {
      String text = "Follow @MetPoliceUK and see https://www.met.police.uk/contact";
      assertThat(Redactor.TOPIC.redact(text)).isSameAs(text);
    }
  }

  @Nested
  class Phones {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Caller at +1 555-123-4567 reports a prowler | Caller at reports a prowler",
          "Callback (555) 123-4567, no answer | Callback, no answer",
          "Witness on 07700 900123 saw the van | Witness on saw the van",
          "RP phone 555.123.4567 | RP phone",
          "Called back on 555-1234 | Called back on",
          "Harassing texts from 5551234567 | Harassing texts from",
          "Intl caller +44 (0)20 7946 0958 reports fraud | Intl caller reports fraud",
          "Caller +33 1 23 45 67 89 lost passport | Caller lost passport",
          "Texted 01 23 45 67 89 twice | Texted twice",
        })
    void areDropped(String in, String out) {
      assertThat(call(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Dial 911 in an emergency, 101 otherwise",
          "Event on 2015-06-05 from 08:00",
          "Report dated 05/06/2015 filed",
          "Crowd of 1 250 000 at the parade",
          "Ref 1234 closed at 21:14",
        })
    void shortNumbersDatesTimesAndCountsStay(String text) {
      assertThat(Redactor.TOPIC.redact(text)).isSameAs(text);
    }

    @Test
    void aPhoneAfterALongRunOfNumbersIsStillFound() {
      assertThat(Redactor.TOPIC.redact("Codes 1234 5678 9012 3456 555 123 4567 end"))
          .doesNotContain("4567");
    }

    @Test
    void aUrlWithAPhoneNumberInItIsDroppedWhole() {
      assertThat(Redactor.TOPIC.redact("See example.org/call/555-123-4567 now"))
          .isEqualTo("See now");
    }
  }

  @Nested
  class Addresses {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "1234 Main St | 1200 block of Main St",
          "Burglary at 1234 Main St, rear door forced | Burglary at 1200 block of Main St, rear door forced",
          "56 Oak Avenue | unit block of Oak Avenue",
          "7 Acacia Road | unit block of Acacia Road",
          "100 Elm Street | 100 block of Elm Street",
          "99 Elm Street | unit block of Elm Street",
          "12345 N Martin Luther King Jr Blvd | 12300 block of N Martin Luther King Jr Blvd",
          "Noise at 410 W 42nd St Apt 5B | Noise at 400 block of W 42nd St",
          "Flat 3, 12 High Street | unit block of High Street",
          "1500-1520 Pennsylvania Ave | 1500 block of Pennsylvania Ave",
          "221B Baker Street | 200 block of Baker Street",
          "4410 OAK HILL DR #12 | 4400 block of OAK HILL DR",
          "Collision near 808 Avenue of the Americas Way | Collision near 800 block of Avenue of the Americas Way",
        })
    void becomeTheirHundredBlock(String in, String out) {
      assertThat(call(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Main St and 5th Ave",
          "Two cars collided on Main St",
          "Units 3 and 4 responded",
          "Parked 3 cars on the street",
        })
    void intersectionsAndOtherNumbersStay(String text) {
      assertThat(call(text)).isSameAs(text);
    }

    @Test
    void stayInPosts() {
      String text = "Coffee with a cop at 1234 Main St from 10:00";
      assertThat(Redactor.TOPIC.redact(text)).isSameAs(text);
      assertThat(Redactor.BEAT.redact(text)).isSameAs(text);
    }
  }

  @Nested
  class LicencePlates {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Red Ford ABC-1234 left the scene | Red Ford left the scene",
          "Vehicle ABC 123 parked on the footpath | Vehicle parked on the footpath",
          "Silver Golf AB12 CDE abandoned | Silver Golf abandoned",
          "Stolen car AB12CDE recovered | Stolen car recovered",
          "Truck 7ABC123 towed | Truck towed",
          "NY plate ABC1234 stopped | NY plate stopped",
          "Van with plate 123456 blocking driveway | Van with plate blocking driveway",
          "Licence plate: KT 98 XYZ | Licence plate:",
          "Reg YX65 ABC seen speeding | Reg seen speeding",
          "license # 4GHK902 expired | license # expired",
        })
    void areDropped(String in, String out) {
      assertThat(call(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Collision on I-95 northbound",
          "Debris on HWY 101 near exit 4",
          "Delays on the M25 and A1",
          "Registration opens in 2026",
          "Plate glass window broken",
        })
    void roadsAndWordsStay(String text) {
      assertThat(call(text)).isSameAs(text);
    }

    @Test
    void areDroppedFromBeatPostsButNotTopicPosts() {
      String text = "Stopped ABC-1234 for speeding on Main St";
      assertThat(Redactor.BEAT.redact(text)).isEqualTo("Stopped for speeding on Main St");
      assertThat(Redactor.TOPIC.redact(text)).isSameAs(text);
    }
  }

  @Nested
  class Names {
    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Mr Smith reports his shed broken into | reports his shed broken into",
          "Mrs. Jane O'Brien fell in the street | fell in the street",
          "Dr Patel treated the victim at the scene | treated the victim at the scene",
          "Suspect John Smith arrested | Suspect arrested",
          "Suspect: Jean-Luc Picard, 40s, fled on foot | Suspect, 40s, fled on foot",
          "Victim Mary McDonald taken to hospital | Victim taken to hospital",
          "Driver J. R. Ewing cited for speeding | Driver cited for speeding",
          "A man named Bob Jones was detained | A man was detained",
          "Woman called Ana María García reported missing | Woman reported missing",
          "Caller Ms Lee reports noise | Caller reports noise",
          "victim Zoë Ångström unhurt | victim unhurt",
        })
    void introducedByACueAreDropped(String in, String out) {
      assertThat(call(in)).isEqualTo(out);
    }

    @ParameterizedTest
    @CsvSource(
        delimiter = '|',
        value = {
          "Suspect Male, 30s, dark jacket",
          "Driver was cited for speeding",
          "Officers called EMS to the scene",
          "Victim Unknown at this time",
          "Crash on Oak Dr near the school",
        })
    void descriptionsAndOtherWordsStay(String text) {
      assertThat(call(text)).isSameAs(text);
    }

    @Test
    void aStreetEndingInDrIsNotAnHonorific() {
      assertThat(call("Crash near Oak Dr Springfield")).isEqualTo("Crash near Oak Dr Springfield");
    }

    @Test
    void stayInPosts() {
      String text = "Great work today by Sgt Jones and Dr Patel";
      assertThat(Redactor.TOPIC.redact(text)).isSameAs(text);
      assertThat(Redactor.BEAT.redact(text)).isSameAs(text);
    }
  }

  @Test
  void aRealisticCallLosesEverythingPersonalAtOnce() {
    String in =
        "Suspect John Smith (DOB withheld) seen in red Ford ABC-1234 outside 1234 Main St; "
            + "victim Mrs Jane Doe, tel 07700 900123, email jane.doe@example.org, unhurt";
    assertThat(call(in))
        .isEqualTo(
            "Suspect (DOB withheld) seen in red Ford outside 1200 block of Main St; victim, tel, email, unhurt");
  }

  @Test
  void textWithoutPersonalDataIsReturnedAsIs() {
    String text =
        "Officers attended a report of a loose horse on the A30; it went home. https://t.co/abc";
    assertThat(call(text)).isSameAs(text);
  }
}
