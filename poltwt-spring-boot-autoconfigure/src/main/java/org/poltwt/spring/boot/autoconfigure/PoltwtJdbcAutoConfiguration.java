package org.poltwt.spring.boot.autoconfigure;

import javax.sql.DataSource;
import org.poltwt.jdbc.JdbcStores;
import org.poltwt.spi.EditionStore;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.OutboxStore;
import org.poltwt.spi.PublicationLog;
import org.poltwt.spi.RegistrationStore;
import org.poltwt.spi.RetentionStore;
import org.poltwt.spi.TrustedDomainStore;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.VerificationTokenStore;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * poltwt's stores on the application's {@code DataSource} ({@code poltwt-jdbc}): one {@link
 * JdbcStores}, migrated with poltwt's own Flyway history table unless {@code
 * poltwt.jdbc.migrate-on-start=false}, and each store as a bean of its SPI type. Closed with the
 * context; the {@code DataSource} stays the application's.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration")
@ConditionalOnClass(JdbcStores.class)
@ConditionalOnSingleCandidate(DataSource.class)
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtJdbcAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtJdbcAutoConfiguration() {}

  /**
   * The stores on the application's data source, migrated first unless configured otherwise.
   *
   * @param dataSource the application's data source
   * @param properties the {@code poltwt.*} properties
   * @return the stores, closed with the context
   */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  public JdbcStores poltwtJdbcStores(DataSource dataSource, PoltwtProperties properties) {
    JdbcStores.Builder builder =
        JdbcStores.builder(dataSource).migrateOnStart(properties.jdbc().migrateOnStart());
    if (properties.jdbc().schema() != null) {
      builder.schema(properties.jdbc().schema());
    }
    return builder.build();
  }

  /**
   * The editions.
   *
   * @param stores the stores
   * @return the edition store
   */
  @Bean
  @ConditionalOnMissingBean
  public EditionStore poltwtEditionStore(JdbcStores stores) {
    return stores.editions();
  }

  /**
   * The registrations.
   *
   * @param stores the stores
   * @return the registration store
   */
  @Bean
  @ConditionalOnMissingBean
  public RegistrationStore poltwtRegistrationStore(JdbcStores stores) {
    return stores.registrations();
  }

  /**
   * The verification tokens.
   *
   * @param stores the stores
   * @return the token store
   */
  @Bean
  @ConditionalOnMissingBean
  public VerificationTokenStore poltwtVerificationTokenStore(JdbcStores stores) {
    return stores.tokens();
  }

  /**
   * The announcements and their outbox.
   *
   * @param stores the stores
   * @return the outbox store
   */
  @Bean
  @ConditionalOnMissingBean
  public OutboxStore poltwtOutboxStore(JdbcStores stores) {
    return stores.outbox();
  }

  /**
   * The harvested tweets.
   *
   * @param stores the stores
   * @return the tweet store
   */
  @Bean
  @ConditionalOnMissingBean
  public TweetStore poltwtTweetStore(JdbcStores stores) {
    return stores.tweets();
  }

  /**
   * The publication log of a tweet publisher.
   *
   * @param stores the stores
   * @return the publication log
   */
  @Bean
  @ConditionalOnMissingBean
  public PublicationLog poltwtPublicationLog(JdbcStores stores) {
    return stores.publications();
  }

  /**
   * Where harvests stand.
   *
   * @param stores the stores
   * @return the checkpoint store
   */
  @Bean
  @ConditionalOnMissingBean
  public HarvestCheckpointStore poltwtHarvestCheckpointStore(JdbcStores stores) {
    return stores.harvestCheckpoints();
  }

  /**
   * The editions' own retention periods and the legal holds.
   *
   * @param stores the stores
   * @return the retention store
   */
  @Bean
  @ConditionalOnMissingBean
  public RetentionStore poltwtRetentionStore(JdbcStores stores) {
    return stores.retention();
  }

  /**
   * The organisers' trusted email domains.
   *
   * @param stores the stores
   * @return the trusted-domain store
   */
  @Bean
  @ConditionalOnMissingBean
  public TrustedDomainStore poltwtTrustedDomainStore(JdbcStores stores) {
    return stores.trustedDomains();
  }
}
