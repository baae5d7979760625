package org.poltwt.map;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.memory.InMemoryRegistrationStore;
import org.poltwt.test.Registrations;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class ParticipantMapTest {
  private static final Pattern EMAIL =
      Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
  private final ObjectMapper json = new ObjectMapper();

  private static Registration onMap(String handle, Coordinates at) {
    return Registrations.agencyBuilder(5, handle)
        .status(RegistrationStatus.VERIFIED)
        .address(new PostalAddress("1 Police Plaza", "New York", "NY", "10038"))
        .coordinates(at)
        .build();
  }

  private static List<Registration> mixed() {
    List<Registration> all = new ArrayList<>();
    all.add(onMap("NYPDnews", new Coordinates(40.7115, -74.0027)));
    all.add(onMap("NoPoint", null));
    all.add(
        Registrations.officerBuilder(5, "OfficerShy")
            .status(RegistrationStatus.VERIFIED)
            .address(PostalAddress.of("10 Main St", "Boston"))
            .coordinates(new Coordinates(42.36, -71.06))
            .build());
    all.add(
        Registrations.officerBuilder(5, "OfficerProud")
            .status(RegistrationStatus.VERIFIED)
            .officerNameOnMap(true)
            .address(PostalAddress.of("12 Main St", "Boston"))
            .coordinates(new Coordinates(42.35, -71.05))
            .build());
    all.add(
        Registrations.agencyBuilder(5, "Unverified")
            .address(PostalAddress.of("x", "y"))
            .coordinates(new Coordinates(1, 1))
            .build());
    all.add(
        Registrations.agencyBuilder(5, "NoAddress").status(RegistrationStatus.VERIFIED).build());
    all.add(onMap("OtherEdition", new Coordinates(1, 2)).toBuilder().edition(6).build());
    return all;
  }

  @Test
  void onlyVerifiedRegistrationsWithAnAddressOfTheEditionAppear() {
    ParticipantMap map = ParticipantMap.of(5, mixed());

    assertThat(map.placed())
        .extracting(p -> p.handle().value())
        .containsExactlyInAnyOrder("NYPDnews", "OfficerShy", "OfficerProud");
    assertThat(map.unplaced()).extracting(p -> p.handle().value()).containsExactly("NoPoint");
  }

  @Test
  void theStoreGivesTheSameMap() {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    mixed().forEach(store::insert);

    ParticipantMap fromStore = ParticipantMap.from(store, 5);

    assertThat(fromStore.placed()).isEqualTo(ParticipantMap.of(5, mixed()).placed());
    assertThat(fromStore.unplaced()).hasSize(1);
  }

  @Test
  void theStoreAndAGeocoderGiveTheGeocodedMap() {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    mixed().forEach(store::insert);
    Geocoder newYork =
        (address, country) ->
            address.city().equals("New York")
                ? Optional.of(new Coordinates(40.7, -74.0))
                : Optional.empty();

    ParticipantMap fromStore = ParticipantMap.from(store, 5, newYork);

    ParticipantMap expected = ParticipantMap.of(5, mixed()).geocode(newYork, mixed());
    assertThat(fromStore.placed()).isEqualTo(expected.placed()).hasSize(4);
    assertThat(fromStore.unplaced()).isEmpty();
  }

  @Test
  void geoJsonIsAFeatureCollectionOfPointsLongitudeFirst() throws Exception {
    JsonNode root = json.readTree(ParticipantMap.of(5, mixed()).toGeoJson());

    assertThat(root.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(root.get("features")).hasSize(3);
    for (JsonNode f : root.get("features")) {
      assertThat(f.get("type").asText()).isEqualTo("Feature");
      assertThat(f.get("geometry").get("type").asText()).isEqualTo("Point");
      JsonNode c = f.get("geometry").get("coordinates");
      assertThat(c).hasSize(2);
      assertThat(c.get(0).asDouble()).isBetween(-180.0, 180.0);
      assertThat(c.get(1).asDouble()).isBetween(-90.0, 90.0);
      assertThat(f.get("properties").isObject()).isTrue();
    }
    JsonNode nypd = find(root, "NYPDnews");
    assertThat(nypd.get("geometry").get("coordinates").get(0).asDouble()).isEqualTo(-74.0027);
    assertThat(nypd.get("geometry").get("coordinates").get(1).asDouble()).isEqualTo(40.7115);
    assertThat(nypd.get("properties").get("city").asText()).isEqualTo("New York");
  }

  @Test
  void anOfficersNameAppearsOnlyIfTheyOptedIn() throws Exception {
    JsonNode root = json.readTree(ParticipantMap.of(5, mixed()).toGeoJson());

    assertThat(find(root, "OfficerShy").get("properties").has("officer")).isFalse();
    assertThat(find(root, "OfficerProud").get("properties").get("officer").asText()).isNotBlank();
    String kml = ParticipantMap.of(5, mixed()).toKml();
    Registration shy = mixed().get(2);
    assertThat(kml).doesNotContain(shy.officerName().orElseThrow());
  }

  @Test
  void noExportContainsAnEmailAddress() {
    ParticipantMap map = ParticipantMap.of(5, mixed());

    for (String out : List.of(map.toGeoJson(), map.toKml())) {
      assertThat(EMAIL.matcher(out).find()).as("an email-shaped string in %s", out).isFalse();
      for (Registration r : mixed()) {
        assertThat(out).doesNotContain(r.email());
      }
    }
  }

  @Test
  void registrantTextIsEscapedInEveryFormat() throws Exception {
    String nasty = "Agency <script>alert('x')</script> ]]> \"quoted\" & co\nsecond line";
    Participant p =
        new Participant(
            TwitterHandle.of("Nasty_PD"),
            AccountType.AGENCY,
            nasty,
            AgencyLevel.LOCAL,
            Optional.empty(),
            "US",
            "Town\" <b>",
            Optional.of(new Coordinates(10, 20)));
    ParticipantMap map = ParticipantMap.ofParticipants(5, List.of(p));

    JsonNode props = json.readTree(map.toGeoJson()).get("features").get(0).get("properties");
    assertThat(props.get("agency").asText()).isEqualTo(nasty);
    assertThat(props.get("city").asText()).isEqualTo("Town\" <b>");

    String kml = map.toKml();
    assertThat(kml).doesNotContain("<script>").doesNotContain("]]>");
    Document doc = parseXml(kml);
    assertThat(doc.getElementsByTagName("Placemark").getLength()).isEqualTo(1);
    assertThat(doc.getElementsByTagName("name").item(1).getTextContent())
        .isEqualTo(nasty + " (@Nasty_PD)");
    NodeList values = doc.getElementsByTagName("value");
    assertThat(values.item(4).getTextContent()).isEqualTo("Town\" <b>");
    assertThat(doc.getElementsByTagName("coordinates").item(0).getTextContent())
        .isEqualTo("20.0,10.0");
  }

  @Test
  void kmlParsesBackWithOnePlacemarkPerPlacedParticipant() throws Exception {
    Document doc = parseXml(ParticipantMap.of(5, mixed()).toKml());

    assertThat(doc.getDocumentElement().getNamespaceURI())
        .isEqualTo("http://www.opengis.net/kml/2.2");
    assertThat(doc.getElementsByTagName("Placemark").getLength()).isEqualTo(3);
  }

  @Test
  void aGeocoderPlacesWhatItCan() {
    List<Registration> all = mixed();
    ParticipantMap map = ParticipantMap.of(5, all);

    ParticipantMap geocoded =
        map.geocode(
            (address, country) ->
                address.city().equals("New York")
                    ? Optional.of(new Coordinates(40.7, -74.0))
                    : Optional.empty(),
            all);

    assertThat(geocoded.unplaced()).isEmpty();
    assertThat(geocoded.placed()).hasSize(4);
    assertThat(map.geocode((a, c) -> Optional.empty(), all).unplaced()).hasSize(1);
  }

  private static JsonNode find(JsonNode root, String handle) {
    for (JsonNode f : root.get("features")) {
      if (f.get("properties").get("handle").asText().equals(handle)) {
        return f;
      }
    }
    throw new AssertionError("no feature for " + handle);
  }

  private static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
  }
}
