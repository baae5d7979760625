package org.poltwt.tweet.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.InvalidInputException;

class CallForServiceTest {
  private static final LocalTime T = LocalTime.of(21, 14);

  @Test
  void ofTreatsNullAndBlankLocationOrOutcomeAsNotTold() {
    CallForService call = CallForService.of("Noise complaint", T, null, " \t");

    assertThat(call.location()).isEmpty();
    assertThat(call.outcome()).isEmpty();
    assertThat(CallForService.of("Noise complaint", T, "Oak Avenue", "Advised").location())
        .contains("Oak Avenue");
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "   ", "\u200B"})
  void aMissingOrBlankTypeIsRejectedNamingTheField(String type) {
    InvalidInputException e =
        catchThrowableOfType(
            InvalidInputException.class, () -> CallForService.of(type, T, null, null));

    assertThat(e.code()).isEqualTo(CallForService.INVALID);
    assertThat(e.field()).isEqualTo("type");
  }

  @Test
  void aMissingTimeIsRejectedNamingTheField() {
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class, () -> CallForService.of("Theft", null, null, null))
                .field())
        .isEqualTo("time");
  }

  @Test
  void aPresentButBlankLocationOrOutcomeIsRejected() {
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> new CallForService("Theft", T, Optional.of(" "), Optional.empty()))
                .field())
        .isEqualTo("location");
    assertThat(
            catchThrowableOfType(
                    InvalidInputException.class,
                    () -> new CallForService("Theft", T, Optional.empty(), Optional.of("")))
                .field())
        .isEqualTo("outcome");
    assertThatThrownBy(() -> new CallForService("Theft", T, null, Optional.empty()))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("location");
  }

  @Test
  void toStringShowsNoFreeText() {
    CallForService call =
        CallForService.of("Assault by Mr Smith", T, "1234 Main St", "jane@example.org");

    assertThat(call.toString())
        .isEqualTo("CallForService[time=21:14, location=present, outcome=present]")
        .doesNotContain("Smith", "Main", "jane");
  }

  @Test
  void callsWithTheSameFieldsAreEqual() {
    assertThat(CallForService.of("Theft", T, "Oak Avenue", null))
        .isEqualTo(new CallForService("Theft", T, Optional.of("Oak Avenue"), Optional.empty()))
        .hasSameHashCodeAs(
            new CallForService("Theft", T, Optional.of("Oak Avenue"), Optional.empty()));
  }
}
