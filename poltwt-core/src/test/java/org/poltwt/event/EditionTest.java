package org.poltwt.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EditionTest {
  private static final LocalDate JUNE_5 = LocalDate.of(2015, 6, 5);

  /** A builder for a scheduled edition with only the required fields set. */
  private static Edition.Builder scheduled() {
    return Edition.builder().number(5).date(JUNE_5);
  }

  /** The fifth edition with every field set away from its default. */
  private static Edition fullySpecified() {
    return Edition.builder()
        .number(5)
        .hashtag("PolTwt")
        .themes("TimeToUnify", "PoliceWeek")
        .status(EditionStatus.COMPLETED)
        .date(JUNE_5)
        .localStart(LocalTime.of(8, 0))
        .windowPolicy(WindowPolicy.ELAPSED_24_HOURS)
        .build();
  }

  private static void assertRejected(String field, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            InvalidEditionException.class,
            e -> {
              assertThat(e.field()).isEqualTo(field);
              assertThat(e.getMessage()).startsWith(field + ": ");
              assertThat(e.reason()).isNotBlank();
              assertThat(e.code()).isEqualTo(InvalidEditionException.CODE);
            });
  }

  @Nested
  class Defaults {
    private final Edition e = scheduled().build();

    @Test
    void hashtagIsPolTwt() {
      assertThat(e.hashtag()).isEqualTo("PolTwt").isEqualTo(Edition.DEFAULT_HASHTAG);
    }

    @Test
    void statusIsScheduled() {
      assertThat(e.status()).isEqualTo(EditionStatus.SCHEDULED);
    }

    @Test
    void localStartIsMidnight() {
      assertThat(e.localStart()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void policyIsSameLocalTimeNextDay() {
      assertThat(e.windowPolicy()).isEqualTo(WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY);
    }

    @Test
    void noThemes() {
      assertThat(e.themes()).isEmpty();
    }

    @Test
    void keepsNumberAndDate() {
      assertThat(e.number()).isEqualTo(5);
      assertThat(e.date()).contains(JUNE_5);
    }

    @Test
    void dateTbdHasNoDate() {
      Edition tbd = Edition.builder().number(6).status(EditionStatus.DATE_TBD).build();
      assertThat(tbd.date()).isEmpty();
    }
  }

  @Nested
  class Hashtags {
    @ParameterizedTest
    @ValueSource(strings = {"PolTwt", "#PolTwt", "\uFF03PolTwt", " #PolTwt "})
    void leadingHashSignIsDropped(String given) {
      assertThat(scheduled().hashtag(given).build().hashtag()).isEqualTo("PolTwt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ПолТвит", "警察", "Polizei_2015", "Policía", "شرطة"})
    void unicodeTagsAreAccepted(String tag) {
      assertThat(scheduled().hashtag(tag).build().hashtag()).isEqualTo(tag);
    }

    @Test
    void caseIsKeptAsGiven() {
      assertThat(scheduled().hashtag("poltwt").build().hashtag()).isEqualTo("poltwt");
    }

    @Test
    void themesDropTheirHashSignToo() {
      assertThat(scheduled().themes("#TimeToUnify", "\uFF03警察").build().themes())
          .containsExactly("TimeToUnify", "警察");
    }
  }

  @Nested
  class Rejections {
    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void numberBelowOne(int number) {
      assertRejected("number", () -> Edition.builder().number(number));
    }

    @Test
    void missingNumber() {
      assertRejected("number", () -> Edition.builder().date(JUNE_5).build());
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "",
          "#",
          "\uFF03",
          "  ",
          "Pol Twt",
          "Pol-Twt",
          "2015",
          "#2015",
          "Pol.Twt",
          "##PolTwt",
          "Pol\uD83D\uDE00"
        })
    void badHashtag(String tag) {
      assertRejected("hashtag", () -> scheduled().hashtag(tag));
    }

    @Test
    void nullHashtag() {
      assertRejected("hashtag", () -> scheduled().hashtag(null));
    }

    @Test
    void overlongHashtag() {
      assertRejected("hashtag", () -> scheduled().hashtag("P".repeat(101)));
      assertThat(scheduled().hashtag("P".repeat(100)).build().hashtag()).hasSize(100);
    }

    @ParameterizedTest
    @EnumSource(
        value = EditionStatus.class,
        names = {"SCHEDULED", "COMPLETED"})
    void missingDateWhileScheduledOrCompleted(EditionStatus status) {
      assertRejected("date", () -> Edition.builder().number(5).status(status).build());
    }

    @Test
    void aCancelledEditionMayNeverHaveHadADate() {
      // The 5th edition was postponed to a date to be decided; cancelling it then must be possible.
      Edition cancelled = Edition.builder().number(5).status(EditionStatus.CANCELLED).build();
      assertThat(cancelled.date()).isEmpty();
    }

    @Test
    void dateWhileDateTbd() {
      assertRejected("date", () -> scheduled().status(EditionStatus.DATE_TBD).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"PolTwt", "poltwt", "#POLTWT"})
    void themeEqualToTheHashtag(String theme) {
      assertRejected("themes[0]", () -> scheduled().themes(theme).build());
    }

    @Test
    void themeEqualToACustomHashtagIgnoringCase() {
      assertRejected(
          "themes[1]", () -> scheduled().hashtag("ПолТвит").themes("Police", "полтвит").build());
    }

    @Test
    void themeCheckedAgainstTheHashtagSetAfterIt() {
      assertRejected("themes[0]", () -> scheduled().themes("Police").hashtag("police").build());
    }

    @Test
    void duplicateThemes() {
      assertRejected("themes[1]", () -> scheduled().themes("TimeToUnify", "timetounify"));
      assertRejected("themes[2]", () -> scheduled().themes("A1", "B2", "#A1"));
    }

    @Test
    void invalidTheme() {
      assertRejected("themes[1]", () -> scheduled().themes("Fine", "Not fine"));
      assertRejected("themes[0]", () -> scheduled().themes((String) null));
    }

    @Test
    void nullThemeArray() {
      assertRejected("themes", () -> scheduled().themes((String[]) null));
    }

    @Test
    void nullStatusLocalStartAndPolicy() {
      assertRejected("status", () -> scheduled().status(null));
      assertRejected("localStart", () -> scheduled().localStart(null));
      assertRejected("windowPolicy", () -> scheduled().windowPolicy(null));
    }
  }

  @Nested
  class ValueSemantics {
    @Test
    void equalValuesAreEqual() {
      assertThat(fullySpecified()).isEqualTo(fullySpecified()).hasSameHashCodeAs(fullySpecified());
    }

    @Test
    void toBuilderRoundTrips() {
      Edition e = fullySpecified();
      Edition copy = e.toBuilder().build();
      assertThat(copy).isEqualTo(e).hasSameHashCodeAs(e).isNotSameAs(e);
      assertThat(copy.toString()).isEqualTo(e.toString());
    }

    @Test
    void toBuilderRoundTripsADateTbdEdition() {
      Edition tbd =
          Edition.builder().number(6).status(EditionStatus.DATE_TBD).themes("Next").build();
      assertThat(tbd.toBuilder().build()).isEqualTo(tbd);
    }

    @Test
    void eachFieldTakesPartInEquality() {
      Edition e = fullySpecified();
      List<Edition> changed =
          List.of(
              e.toBuilder().number(6).build(),
              e.toBuilder().hashtag("Polizei").build(),
              e.toBuilder().themes("TimeToUnify").build(),
              e.toBuilder().status(EditionStatus.SCHEDULED).build(),
              e.toBuilder().date(JUNE_5.plusDays(1)).build(),
              e.toBuilder().localStart(LocalTime.of(9, 0)).build(),
              e.toBuilder().windowPolicy(WindowPolicy.SAME_LOCAL_TIME_NEXT_DAY).build());
      assertThat(changed).allSatisfy(c -> assertThat(c).isNotEqualTo(e));
      assertThat(e).isNotEqualTo(null).isNotEqualTo("Edition 5");
    }

    @Test
    void toBuilderDoesNotChangeTheOriginal() {
      Edition e = fullySpecified();
      e.toBuilder().themes("Other").number(9).build();
      assertThat(e).isEqualTo(fullySpecified());
    }

    @Test
    void themesAreImmutable() {
      List<String> themes = fullySpecified().themes();
      assertThatThrownBy(() -> themes.add("More"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(() -> themes.set(0, "Other"))
          .isInstanceOf(UnsupportedOperationException.class);
      assertThatThrownBy(themes::clear).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void laterChangesToTheBuilderOrTheArrayDoNotLeakIn() {
      String[] tags = {"TimeToUnify"};
      Edition.Builder b = scheduled().themes(tags);
      Edition e = b.build();
      tags[0] = "Changed";
      b.themes("Other");
      assertThat(e.themes()).containsExactly("TimeToUnify");
    }

    @Test
    void toStringShowsTheHashtagAndTbdDate() {
      Edition tbd = Edition.builder().number(6).status(EditionStatus.DATE_TBD).build();
      assertThat(tbd.toString()).contains("#PolTwt", "TBD", "number=6");
    }
  }
}
