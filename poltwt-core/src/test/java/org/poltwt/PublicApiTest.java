package org.poltwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Modifier;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.poltwt.event.Schedule;
import org.poltwt.testing.ApiSurface;

class PublicApiTest {
  private final List<Class<?>> api = ApiSurface.publicTypesBeside(Schedule.class);

  @Test
  void findsTheEventTypes() {
    assertThat(api).contains(Schedule.class, PoltwtException.class);
  }

  @Test
  void noPublicSignatureExposesAnInternalType() {
    assertThat(ApiSurface.internalLeaks(api)).isEmpty();
  }

  @Test
  void concreteClassesAreFinalExceptTheExceptionHierarchy() {
    // Failures are the one place callers and adapters extend our classes.
    assertThat(api)
        .filteredOn(c -> !c.isInterface() && !c.isEnum() && !c.isRecord() && !c.isAnnotation())
        .filteredOn(c -> !Modifier.isFinal(c.getModifiers()))
        .allMatch(PoltwtException.class::isAssignableFrom, "is a PoltwtException");
  }
}
