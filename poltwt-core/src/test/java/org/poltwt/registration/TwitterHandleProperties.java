package org.poltwt.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class TwitterHandleProperties {

  @Provide
  Arbitrary<String> handles() {
    return Arbitraries.strings()
        .withCharRange('a', 'z')
        .withCharRange('A', 'Z')
        .numeric()
        .withChars('_')
        .ofMinLength(1)
        .ofMaxLength(15);
  }

  @Property
  void everyWellFormedHandleIsAcceptedWithOrWithoutTheAtSign(@ForAll("handles") String h) {
    assertThat(TwitterHandle.of(h).value()).isEqualTo(h);
    assertThat(TwitterHandle.of("@" + h).value()).isEqualTo(h);
    assertThat(TwitterHandle.isValid(h)).isTrue();
  }

  @Property
  void handlesCompareAndHashIgnoringCaseButKeepTheDisplayCase(@ForAll("handles") String h) {
    TwitterHandle upper = TwitterHandle.of(h.toUpperCase(Locale.ROOT));
    TwitterHandle lower = TwitterHandle.of(h.toLowerCase(Locale.ROOT));

    assertThat(upper).isEqualTo(lower).hasSameHashCodeAs(lower);
    assertThat(upper.value()).isEqualTo(h.toUpperCase(Locale.ROOT));
    assertThat(upper.normalized()).isEqualTo(lower.value());
    assertThat(upper.toString()).isEqualTo("@" + upper.value());
  }

  @Property
  void anythingWithAForeignCharacterIsRejectedNamingTheField(
      @ForAll("handles") String h, @ForAll char c) {
    boolean allowed =
        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    String candidate = (h + c).substring(Math.max(0, h.length() + 1 - 15));
    if (allowed) {
      return;
    }
    InvalidRegistrationException e =
        catchThrowableOfType(InvalidRegistrationException.class, () -> TwitterHandle.of(candidate));
    assertThat(e).isNotNull();
    assertThat(e.field()).isEqualTo("handle");
    assertThat(TwitterHandle.isValid(candidate)).isFalse();
  }

  @Property
  void longerThanFifteenIsRejected(@ForAll("handles") String h) {
    String longer = h + "x".repeat(16 - h.length());
    assertThat(
            catchThrowableOfType(InvalidRegistrationException.class, () -> TwitterHandle.of(longer))
                .reason())
        .contains("at most 15");
  }

  @Example
  void emptyNullAndBareAtSignAreRejected() {
    for (String bad : new String[] {"", "@", null, "@@name", " name", "name "}) {
      assertThat(
              catchThrowableOfType(InvalidRegistrationException.class, () -> TwitterHandle.of(bad))
                  .field())
          .isEqualTo("handle");
    }
  }
}
