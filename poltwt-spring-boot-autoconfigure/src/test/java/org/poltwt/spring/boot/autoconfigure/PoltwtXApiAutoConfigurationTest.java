package org.poltwt.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.poltwt.spi.AccountDirectory;
import org.poltwt.spi.TweetSource;
import org.poltwt.spi.memory.InMemoryAccountDirectory;
import org.poltwt.twitter.XApiAccountDirectory;
import org.poltwt.twitter.XApiClient;
import org.poltwt.twitter.XApiTweetSource;

class PoltwtXApiAutoConfigurationTest {
  @Test
  void theXApiWhenABearerTokenIsSet() {
    Contexts.withDatabase()
        .withPropertyValues(
            "poltwt.x.bearer-token=test-token", "poltwt.x.base-uri=http://127.0.0.1:9")
        .run(
            context -> {
              assertThat(context)
                  .hasSingleBean(XApiClient.class)
                  .hasSingleBean(AccountDirectory.class)
                  .hasSingleBean(TweetSource.class);
              assertThat(context.getBean(AccountDirectory.class))
                  .isInstanceOf(XApiAccountDirectory.class);
              assertThat(context.getBean(TweetSource.class)).isInstanceOf(XApiTweetSource.class);
            });
  }

  @Test
  void theTokenWinsOverTheInMemoryDirectory() {
    Contexts.bare()
        .withPropertyValues("poltwt.x.bearer-token=test-token", "poltwt.x.directory=in-memory")
        .run(
            context ->
                assertThat(context.getBean(AccountDirectory.class))
                    .isInstanceOf(XApiAccountDirectory.class));
  }

  @Test
  void noDirectoryUnlessChosen() {
    Contexts.bare()
        .run(
            context ->
                assertThat(context)
                    .doesNotHaveBean(XApiClient.class)
                    .doesNotHaveBean(AccountDirectory.class)
                    .doesNotHaveBean(TweetSource.class));
  }

  @Test
  void theInMemoryDirectoryOnlyWhenChosen() {
    Contexts.bare()
        .withPropertyValues("poltwt.x.directory=in-memory")
        .run(
            context -> {
              assertThat(context).doesNotHaveBean(XApiClient.class);
              assertThat(context.getBean(AccountDirectory.class))
                  .isInstanceOf(InMemoryAccountDirectory.class);
            });
  }

  @Test
  void theApplicationsOwnDirectoryWins() {
    InMemoryAccountDirectory own = new InMemoryAccountDirectory();
    Contexts.bare()
        .withPropertyValues("poltwt.x.bearer-token=test-token")
        .withBean(AccountDirectory.class, () -> own)
        .run(
            context -> {
              assertThat(context).hasSingleBean(XApiClient.class);
              assertThat(context.getBean(AccountDirectory.class)).isSameAs(own);
            });
  }

  @Test
  void anUnknownDirectoryFailsStartUpNamingTheProperty() {
    Contexts.bare()
        .withPropertyValues("poltwt.x.directory=everyone")
        .run(
            context ->
                assertThat(Contexts.messages(context.getStartupFailure()))
                    .contains("poltwt.x.directory"));
  }

  @Test
  void theTokenIsNotInThePropertiesText() {
    Contexts.bare()
        .withPropertyValues("poltwt.x.bearer-token=secret-token-value")
        .run(
            context ->
                assertThat(context.getBean(PoltwtProperties.class).toString())
                    .doesNotContain("secret-token-value"));
  }
}
