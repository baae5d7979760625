package org.poltwt.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.poltwt.event.UnknownZoneException;

class ZoneMapKeyTest {
  private final ObjectMapper mapper = new ObjectMapper().registerModule(new PoltwtModule());
  private final TypeReference<Map<ZoneId, Integer>> byZone = new TypeReference<>() {};

  @Test
  void zonesAsMapKeysRoundTripByName() throws Exception {
    Map<ZoneId, Integer> counts = new TreeMap<>(java.util.Comparator.comparing(ZoneId::getId));
    counts.put(ZoneId.of("Asia/Kathmandu"), 3);
    counts.put(ZoneId.of("Pacific/Kiritimati"), 1);

    String json = mapper.writeValueAsString(counts);

    assertThat(json).isEqualTo("{\"Asia/Kathmandu\":3,\"Pacific/Kiritimati\":1}");
    assertThat(mapper.readValue(json, byZone)).isEqualTo(counts);
  }

  @Test
  void anUnknownZoneKeyFailsNamingTheZone() {
    Throwable thrown = catchThrowable(() -> mapper.readValue("{\"Mars/Olympus\":1}", byZone));

    assertThat(thrown).isInstanceOf(JsonMappingException.class);
    assertThat(thrown).hasRootCauseInstanceOf(UnknownZoneException.class);
  }
}
