package com.example.poltwt;

import org.poltwt.map.ParticipantMap;
import org.poltwt.spi.RegistrationStore;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The official map: the edition's verified registrations with an address, as GeoJSON. */
@RestController
class MapController {
  static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  private final RegistrationStore registrations;
  private final int edition;

  MapController(RegistrationStore registrations, ExampleProperties properties) {
    this.registrations = registrations;
    this.edition = properties.edition().number();
  }

  /**
   * The map.
   *
   * @return an RFC 7946 FeatureCollection, one Point per placed participant
   */
  @GetMapping("/api/map")
  ResponseEntity<String> map() {
    return ResponseEntity.ok()
        .contentType(GEO_JSON)
        .body(ParticipantMap.from(registrations, edition).toGeoJson());
  }
}
