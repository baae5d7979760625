package org.poltwt.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.UnknownZoneException;
import org.poltwt.event.Window;
import org.poltwt.event.WindowPolicy;

/**
 * What Jackson does with the module's failures, as observed with jackson-databind 2.22: a domain
 * exception thrown by a root-level deserializer propagates unwrapped (ObjectMapper does not wrap
 * runtime exceptions at the root); thrown for a value inside a container (a Map, List or record) it
 * is wrapped in a {@link JsonMappingException} carrying the path, with the domain exception as its
 * direct cause.
 */
class PoltwtModuleTest {
  private final ObjectMapper mapper = mapper();

  /** A record holding a zone, to check the module's ZoneId support applies to bean properties. */
  record Office(String name, ZoneId zone) {}

  private static ObjectMapper mapper() {
    return new ObjectMapper().registerModule(new PoltwtModule());
  }

  @Test
  void jacksonFindsTheModuleByItself() throws Exception {
    ObjectMapper found = new ObjectMapper().findAndRegisterModules();

    assertThat(found.getRegisteredModuleIds()).contains(new PoltwtModule().getTypeId());
    assertThat(found.writeValueAsString(ZoneId.of("Europe/Madrid")))
        .isEqualTo(mapper.writeValueAsString(ZoneId.of("Europe/Madrid")));
  }

  private static Edition fifth() {
    return Edition.builder()
        .number(5)
        .date(LocalDate.of(2015, 6, 5))
        .localStart(LocalTime.of(8, 0))
        .themes("TimeToUnify", "Policía")
        .build();
  }

  private static Edition dateTbd() {
    return Edition.builder().number(6).status(EditionStatus.DATE_TBD).build();
  }

  private static Edition elapsed() {
    return Edition.builder()
        .number(7)
        .hashtag("ПолТвит")
        .date(LocalDate.of(2015, 11, 1))
        .windowPolicy(WindowPolicy.ELAPSED_24_HOURS)
        .status(EditionStatus.COMPLETED)
        .build();
  }

  static Stream<Edition> editions() {
    return Stream.of(fifth(), dateTbd(), elapsed());
  }

  private static Window kathmanduOnJune5() {
    return new Window(Instant.parse("2015-06-05T02:15:00Z"), Instant.parse("2015-06-06T02:15:00Z"));
  }

  private JsonNode json(String text) throws JsonProcessingException {
    return mapper.readTree(text.replace('\'', '"'));
  }

  /**
   * Finds the domain exception of the given type: the thrown exception itself, or in its causes.
   */
  private static <T extends InvalidInputException> T domainFailure(
      Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new AssertionError("no " + type.getName() + " in the cause chain of " + thrown, thrown);
  }

  /**
   * Asserts a root-level read fails with Jackson's {@link JsonMappingException} (so callers that
   * catch {@code IOException} see it) whose direct cause is the domain exception, of exactly {@code
   * type}, for {@code field}; returns the domain exception.
   */
  private static <T extends InvalidInputException> T assertRootFailure(
      Class<T> type, String field, ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown).isInstanceOf(JsonMappingException.class);
    assertThat(thrown.getCause()).isExactlyInstanceOf(type);
    T domain = domainFailure(thrown, type);
    assertThat(domain.field()).isEqualTo(field);
    assertThat(domain.getMessage()).startsWith(field + ": ");
    return domain;
  }

  /**
   * Asserts a read of a container fails with Jackson's {@link JsonMappingException} whose direct
   * cause is the domain exception, of exactly {@code type}, for {@code field}; returns Jackson's.
   */
  private static <T extends InvalidInputException> JsonMappingException assertWrappedFailure(
      Class<T> type, String field, ThrowingCallable read) {
    Throwable thrown = catchThrowable(read);
    assertThat(thrown)
        .isInstanceOf(JsonProcessingException.class)
        .isInstanceOf(JsonMappingException.class);
    assertThat(thrown.getCause()).isExactlyInstanceOf(type);
    assertThat(domainFailure(thrown, type).field()).isEqualTo(field);
    return (JsonMappingException) thrown;
  }

  @Nested
  class Editions {
    @ParameterizedTest
    @MethodSource("org.poltwt.json.PoltwtModuleTest#editions")
    void roundTrip(Edition e) throws JsonProcessingException {
      String text = mapper.writeValueAsString(e);
      assertThat(mapper.readValue(text, Edition.class)).isEqualTo(e);
    }

    @Test
    void writesIsoDateAndTimeAndEnumNames() throws JsonProcessingException {
      assertThat(mapper.readTree(mapper.writeValueAsString(fifth())))
          .isEqualTo(
              json(
                  "{'number':5,'hashtag':'PolTwt','themes':['TimeToUnify','Policía'],'status':'SCHEDULED',"
                      + "'date':'2015-06-05','localStart':'08:00','windowPolicy':'SAME_LOCAL_TIME_NEXT_DAY'}"));
    }

    @Test
    void writesANullDateWhileTbd() throws JsonProcessingException {
      assertThat(mapper.readTree(mapper.writeValueAsString(dateTbd())))
          .isEqualTo(
              json(
                  "{'number':6,'hashtag':'PolTwt','themes':[],'status':'DATE_TBD',"
                      + "'date':null,'localStart':'00:00','windowPolicy':'SAME_LOCAL_TIME_NEXT_DAY'}"));
    }

    @Test
    void writesTheElapsedPolicy() throws JsonProcessingException {
      JsonNode node = mapper.readTree(mapper.writeValueAsString(elapsed()));
      assertThat(node.get("windowPolicy").asText()).isEqualTo("ELAPSED_24_HOURS");
      assertThat(node.get("hashtag").asText()).isEqualTo("ПолТвит");
    }

    @Test
    void readsAMinimalDocumentWithDefaults() throws JsonProcessingException {
      Edition e = mapper.readValue("{\"number\":5,\"date\":\"2015-06-05\"}", Edition.class);
      assertThat(e).isEqualTo(Edition.builder().number(5).date(LocalDate.of(2015, 6, 5)).build());
    }

    @Test
    void readsAHashSignedHashtag() throws JsonProcessingException {
      Edition e =
          mapper.readValue(
              "{\"number\":5,\"date\":\"2015-06-05\",\"hashtag\":\"#PolTwt\"}", Edition.class);
      assertThat(e.hashtag()).isEqualTo("PolTwt");
    }

    @Test
    void roundTripsInsideAList() throws JsonProcessingException {
      List<Edition> all = List.of(fifth(), dateTbd(), elapsed());
      String text = mapper.writeValueAsString(all);
      assertThat(mapper.readValue(text, new TypeReference<List<Edition>>() {})).isEqualTo(all);
    }
  }

  @Nested
  class InvalidEditions {
    @Test
    void missingNumberThrowsTheDomainExceptionItself() {
      InvalidEditionException e =
          assertRootFailure(
              InvalidEditionException.class,
              "number",
              () -> mapper.readValue("{\"date\":\"2015-06-05\"}", Edition.class));
      assertThat(e.code()).isEqualTo(InvalidEditionException.CODE);
    }

    @ParameterizedTest
    @ValueSource(
        strings = {
          "{'number':'5','date':'2015-06-05'}",
          "{'number':5.5,'date':'2015-06-05'}",
          "{'number':null,'date':'2015-06-05'}",
          "{'number':0,'date':'2015-06-05'}"
        })
    void badNumber(String doc) {
      assertRootFailure(
          InvalidEditionException.class,
          "number",
          () -> mapper.readValue(doc.replace('\'', '"'), Edition.class));
    }

    @Test
    void missingNumberInsideAListIsWrappedWithItsPath() {
      JsonMappingException e =
          assertWrappedFailure(
              InvalidEditionException.class,
              "number",
              () ->
                  mapper.readValue(
                      "[{\"date\":\"2015-06-05\"}]", new TypeReference<List<Edition>>() {}));
      assertThat(e.getPath()).hasSize(1);
      assertThat(e.getPath().get(0).getIndex()).isZero();
    }

    @Test
    void badDateIsAnInvalidEditionException() {
      // Parsing failures come from JsonFields, which throws the base InvalidInputException (with
      // the edition's code), not an InvalidEditionException.
      InvalidEditionException e =
          assertRootFailure(
              InvalidEditionException.class,
              "date",
              () -> mapper.readValue("{\"number\":5,\"date\":\"2015-13-45\"}", Edition.class));
      assertThat(e.code()).isEqualTo(InvalidEditionException.CODE);
    }

    @Test
    void missingDateForAScheduledEdition() {
      assertRootFailure(
          InvalidEditionException.class,
          "date",
          () -> mapper.readValue("{\"number\":5}", Edition.class));
    }

    @Test
    void badLocalStartAndEnums() {
      assertRootFailure(
          InvalidEditionException.class,
          "localStart",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"localStart\":\"25:00\"}",
                  Edition.class));
      assertRootFailure(
          InvalidEditionException.class,
          "status",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"status\":\"LATE\"}", Edition.class));
      assertRootFailure(
          InvalidEditionException.class,
          "windowPolicy",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"windowPolicy\":\"NOON\"}",
                  Edition.class));
    }

    @Test
    void badHashtagAndThemes() {
      assertRootFailure(
          InvalidEditionException.class,
          "hashtag",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"hashtag\":\"Pol Twt\"}", Edition.class));
      assertRootFailure(
          InvalidEditionException.class,
          "hashtag",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"hashtag\":7}", Edition.class));
      assertRootFailure(
          InvalidEditionException.class,
          "themes[1]",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"themes\":[\"A\",\"a\"]}",
                  Edition.class));
      assertRootFailure(
          InvalidEditionException.class,
          "themes",
          () ->
              mapper.readValue(
                  "{\"number\":5,\"date\":\"2015-06-05\",\"themes\":\"A\"}", Edition.class));
    }

    @Test
    void notAnObject() {
      assertRootFailure(
          InvalidEditionException.class, "edition", () -> mapper.readValue("[1]", Edition.class));
    }
  }

  @Nested
  class Windows {
    @Test
    void roundTripsAsIsoInstants() throws JsonProcessingException {
      String text = mapper.writeValueAsString(kathmanduOnJune5());
      assertThat(mapper.readTree(text))
          .isEqualTo(json("{'start':'2015-06-05T02:15:00Z','end':'2015-06-06T02:15:00Z'}"));
      assertThat(mapper.readValue(text, Window.class)).isEqualTo(kathmanduOnJune5());
    }

    @Test
    void endBeforeStartFails() {
      InvalidInputException e =
          assertRootFailure(
              InvalidInputException.class,
              "end",
              () ->
                  mapper.readValue(
                      "{\"start\":\"2015-06-05T10:00:00Z\",\"end\":\"2015-06-05T09:00:00Z\"}",
                      Window.class));
      assertThat(e.code()).isEqualTo("window.invalid");
    }

    @Test
    void emptyWindowFails() {
      assertRootFailure(
          InvalidInputException.class,
          "end",
          () ->
              mapper.readValue(
                  "{\"start\":\"2015-06-05T10:00:00Z\",\"end\":\"2015-06-05T10:00:00Z\"}",
                  Window.class));
    }

    @Test
    void endBeforeStartInsideAListIsWrapped() {
      assertWrappedFailure(
          InvalidInputException.class,
          "end",
          () ->
              mapper.readValue(
                  "[{\"start\":\"2015-06-05T10:00:00Z\",\"end\":\"2015-06-05T09:00:00Z\"}]",
                  new TypeReference<List<Window>>() {}));
    }

    @Test
    void missingOrBadBound() {
      assertRootFailure(
          InvalidInputException.class,
          "start",
          () -> mapper.readValue("{\"end\":\"2015-06-05T09:00:00Z\"}", Window.class));
      assertRootFailure(
          InvalidInputException.class,
          "end",
          () ->
              mapper.readValue(
                  "{\"start\":\"2015-06-05T09:00:00Z\",\"end\":\"tomorrow\"}", Window.class));
    }
  }

  @Nested
  class Zones {
    @Test
    void zoneIsWrittenByName() throws JsonProcessingException {
      assertThat(mapper.writeValueAsString(ZoneId.of("Asia/Kathmandu")))
          .isEqualTo("\"Asia/Kathmandu\"");
      assertThat(mapper.readValue("\"Asia/Kathmandu\"", ZoneId.class))
          .isEqualTo(ZoneId.of("Asia/Kathmandu"));
    }

    @Test
    void fixedOffsetRoundTrips() throws JsonProcessingException {
      ZoneId offset = ZoneOffset.ofHoursMinutes(5, 45);
      assertThat(mapper.writeValueAsString(offset)).isEqualTo("\"+05:45\"");
      assertThat(mapper.readValue("\"+05:45\"", ZoneId.class)).isEqualTo(offset);
    }

    @Test
    void roundTripsInsideAMap() throws JsonProcessingException {
      Map<String, ZoneId> offices = new LinkedHashMap<>();
      offices.put("kathmandu", ZoneId.of("Asia/Kathmandu"));
      offices.put("madrid", ZoneId.of("Europe/Madrid"));
      String text = mapper.writeValueAsString(offices);
      assertThat(mapper.readTree(text))
          .isEqualTo(json("{'kathmandu':'Asia/Kathmandu','madrid':'Europe/Madrid'}"));
      assertThat(mapper.readValue(text, new TypeReference<Map<String, ZoneId>>() {}))
          .isEqualTo(offices);
    }

    @Test
    void roundTripsInsideARecord() throws JsonProcessingException {
      Office office = new Office("HQ", ZoneId.of("Asia/Kathmandu"));
      String text = mapper.writeValueAsString(office);
      assertThat(mapper.readTree(text)).isEqualTo(json("{'name':'HQ','zone':'Asia/Kathmandu'}"));
      assertThat(mapper.readValue(text, Office.class)).isEqualTo(office);
    }

    @Test
    void unknownZoneThrowsTheDomainExceptionItself() {
      UnknownZoneException e =
          assertRootFailure(
              UnknownZoneException.class,
              "zone",
              () -> mapper.readValue("\"Mars/Olympus\"", ZoneId.class));
      assertThat(e.code()).isEqualTo(UnknownZoneException.CODE);
    }

    @Test
    void nonStringZoneFails() {
      assertRootFailure(
          UnknownZoneException.class, "zone", () -> mapper.readValue("5", ZoneId.class));
    }

    @Test
    void unknownZoneInsideAMapIsWrapped() {
      JsonMappingException e =
          assertWrappedFailure(
              UnknownZoneException.class,
              "zone",
              () ->
                  mapper.readValue(
                      "{\"mars\":\"Mars/Olympus\"}", new TypeReference<Map<String, ZoneId>>() {}));
      assertThat(e.getPath())
          .extracting(JsonMappingException.Reference::getFieldName)
          .containsExactly("mars");
    }

    @Test
    void unknownZoneInsideARecordIsWrapped() {
      JsonMappingException e =
          assertWrappedFailure(
              UnknownZoneException.class,
              "zone",
              () -> mapper.readValue("{\"name\":\"HQ\",\"zone\":\"Mars/Olympus\"}", Office.class));
      assertThat(e.getPath())
          .extracting(JsonMappingException.Reference::getFieldName)
          .containsExactly("zone");
    }
  }
}
