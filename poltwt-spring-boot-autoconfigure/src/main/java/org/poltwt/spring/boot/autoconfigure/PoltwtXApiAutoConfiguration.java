package org.poltwt.spring.boot.autoconfigure;

import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.HarvestCheckpointStore;
import org.poltwt.spi.TweetSource;
import org.poltwt.spi.TweetStore;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.twitter.XApiAccountDirectory;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiCredentials;
import org.poltwt.twitter.XApiTweetSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.NoneNestedConditions;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * The X API ({@code poltwt-twitter}) when {@code poltwt.x.bearer-token} is set: the client, the
 * account directory that checks handles at sign-up, and the tweet source that harvests an edition's
 * tweets into the {@link TweetStore}. Without a token, the in-memory directory only when {@code
 * poltwt.x.directory=in-memory} is set explicitly. Nothing here calls the API at start-up, so an
 * unreachable API does not stop the application.
 */
@AutoConfiguration(after = PoltwtJdbcAutoConfiguration.class)
@EnableConfigurationProperties(PoltwtProperties.class)
public final class PoltwtXApiAutoConfiguration {
  /** Creates the configuration; Spring calls this. */
  public PoltwtXApiAutoConfiguration() {}

  /** The X API adapter, on the bearer token. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(XApiClient.class)
  @ConditionalOnProperty(prefix = "poltwt.x", name = "bearer-token")
  public static class XApi {
    /** Creates the configuration; Spring calls this. */
    public XApi() {}

    /**
     * The client.
     *
     * @param properties the {@code poltwt.*} properties
     * @return the client
     */
    @Bean
    @ConditionalOnMissingBean
    public XApiClient poltwtXApiClient(PoltwtProperties properties) {
      PoltwtProperties.X x = properties.x();
      XApiClient.Builder builder = XApiClient.builder();
      Problems.apply(
          "poltwt.x.bearer-token",
          "***",
          () -> builder.credentials(XApiCredentials.appOnly(x.bearerToken())));
      Problems.apply("poltwt.x.base-uri", x.baseUri(), () -> builder.baseUri(x.baseUri()));
      return builder.build();
    }

    /**
     * The account directory on the API.
     *
     * @param client the client
     * @return the directory
     */
    @Bean
    @ConditionalOnMissingBean(AccountDirectory.class)
    public XApiAccountDirectory poltwtAccountDirectory(XApiClient client) {
      return XApiAccountDirectory.builder(client).build();
    }

    /**
     * The tweet source, storing into the tweet store and keeping its checkpoints when those beans
     * exist.
     *
     * @param client the client
     * @param tweets the tweet store, if any
     * @param checkpoints the checkpoint store, if any
     * @return the source
     */
    @Bean
    @ConditionalOnMissingBean(TweetSource.class)
    public XApiTweetSource poltwtTweetSource(
        XApiClient client,
        ObjectProvider<TweetStore> tweets,
        ObjectProvider<HarvestCheckpointStore> checkpoints) {
      XApiTweetSource.Builder builder = XApiTweetSource.builder(client);
      tweets.ifUnique(builder::store);
      checkpoints.ifUnique(builder::checkpoints);
      return builder.build();
    }
  }

  /** The in-memory directory, accepting every handle: for demos and tests, chosen explicitly. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnProperty(prefix = "poltwt.x", name = "directory", havingValue = "in-memory")
  @Conditional(NoBearerToken.class)
  public static class InMemoryDirectory {
    /** Creates the configuration; Spring calls this. */
    public InMemoryDirectory() {}

    /**
     * The directory.
     *
     * @return a directory that accepts every handle
     */
    @Bean
    @ConditionalOnMissingBean(AccountDirectory.class)
    public InMemoryAccountDirectory poltwtInMemoryAccountDirectory() {
      return InMemoryAccountDirectory.acceptingEveryHandle();
    }
  }

  /** Matches when {@code poltwt.x.bearer-token} is not set: the token wins over the stand-in. */
  static final class NoBearerToken extends NoneNestedConditions {
    NoBearerToken() {
      super(ConfigurationPhase.REGISTER_BEAN);
    }

    @ConditionalOnProperty(prefix = "poltwt.x", name = "bearer-token")
    static final class Token {}
  }
}
