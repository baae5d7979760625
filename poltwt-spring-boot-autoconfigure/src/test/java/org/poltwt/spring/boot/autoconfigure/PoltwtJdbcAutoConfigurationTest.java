package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.jdbc.JdbcStores;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.PublicationLog;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.VerificationTokenStore;
import org.poltwt.spi.memory.InMemoryEditionStore;
import org.poltwt.test.Editions;

class PoltwtJdbcAutoConfigurationTest {
  @Test
  void storesOnTheApplicationsDataSourceMigratedAtStart() {
    Contexts.withDatabase()
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(JdbcStores.class)
                  .hasSingleBean(EditionStore.class)
                  .hasSingleBean(RegistrationStore.class)
                  .hasSingleBean(VerificationTokenStore.class)
                  .hasSingleBean(OutboxStore.class)
                  .hasSingleBean(TweetStore.class)
                  .hasSingleBean(PublicationLog.class)
                  .hasSingleBean(HarvestCheckpointStore.class)
                  .hasSingleBean(TrustedDomainStore.class);
              EditionStore editions = context.getBean(EditionStore.class);
              editions.save(Editions.scheduled(5));
              assertThat(editions.find(5)).contains(Editions.scheduled(5));
            });
  }

  @Test
  void noStoresWithoutADataSource() {
    Contexts.bare()
        .run(
            context ->
                assertThat(context)
                    .hasNotFailed()
                    .doesNotHaveBean(JdbcStores.class)
                    .doesNotHaveBean(EditionStore.class));
  }

  @Test
  void migrationLeftToTheDeploymentWhenTurnedOff() {
    Contexts.withDatabase()
        .withPropertyValues("poltwt.jdbc.migrate-on-start=false")
        .run(
            context -> {
              assertThat(context).hasSingleBean(JdbcStores.class);
              EditionStore editions = context.getBean(EditionStore.class);
              assertThatThrownBy(editions::all).isInstanceOf(PoltwtException.class);
            });
  }

  @Test
  void tablesInTheSchemaOfTheProperty() {
    Contexts.withDatabase()
        .withPropertyValues("poltwt.jdbc.schema=poltwt_events")
        .run(
            context -> {
              context.getBean(EditionStore.class).save(Editions.scheduled(6));
              try (var connection = context.getBean(javax.sql.DataSource.class).getConnection();
                  var rows =
                      connection
                          .createStatement()
                          .executeQuery(
                              "select count(*) from information_schema.tables"
                                  + " where table_schema = 'poltwt_events'")) {
                rows.next();
                assertThat(rows.getInt(1)).isPositive();
              }
            });
  }

  @Test
  void aSchemaNameThatIsNotAnIdentifierFailsStartUpNamingTheProperty() {
    Contexts.withDatabase()
        .withPropertyValues("poltwt.jdbc.schema=1; drop table x")
        .run(
            context -> {
              assertThat(context).hasFailed();
              assertThat(Contexts.messages(context.getStartupFailure()))
                  .contains("poltwt.jdbc.schema")
                  .contains("must be a letter or '_'");
            });
  }

  @Test
  void theApplicationsOwnStoreWins() {
    InMemoryEditionStore own = new InMemoryEditionStore();
    Contexts.withDatabase()
        .withBean(EditionStore.class, () -> own)
        .run(
            context -> {
              assertThat(context.getBean(EditionStore.class)).isSameAs(own);
              assertThat(context).hasSingleBean(RegistrationStore.class);
            });
  }

  @Test
  void theApplicationsOwnJdbcStoresWin() {
    JdbcStores own = JdbcStores.inMemory(Contexts.freshName());
    Contexts.withDatabase()
        .withBean(JdbcStores.class, () -> own)
        .run(context -> assertThat(context.getBean(JdbcStores.class)).isSameAs(own));
  }

  @Test
  void storesClosedWithTheContext() {
    JdbcStores[] seen = new JdbcStores[1];
    Contexts.withDatabase().run(context -> seen[0] = context.getBean(JdbcStores.class));
    assertThatThrownBy(() -> seen[0].editions().all()).isInstanceOf(IllegalStateException.class);
  }
}
