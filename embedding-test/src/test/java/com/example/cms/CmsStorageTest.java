package com.example.cms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.poltwt.event.Edition;
import org.poltwt.jdbc.JdbcStores;

/** poltwt-jdbc from the published jars: its Flyway migrations run on the application's versions. */
class CmsStorageTest {
  @Test
  void theEmbeddedDatabaseMigratesKeepsDataAndClosesForARedeploy(@TempDir Path data) {
    Edition fifth =
        Edition.builder()
            .number(5)
            .date(LocalDate.of(2015, 6, 5))
            .localStart(LocalTime.of(8, 0))
            .build();
    try (JdbcStores stores = JdbcStores.embedded(data)) {
      stores.editions().save(fifth);
    }
    // A redeployed application opens the same files again.
    try (JdbcStores stores = JdbcStores.embedded(data)) {
      assertThat(stores.editions().find(5)).contains(fifth);
    }
  }
}
