package com.example.poltwt;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A #PolTwt sign-up site as a Spring Boot application writes it: poltwt-spring-boot-starter gives
 * the stores, the services and the mailer; this application adds a form page, a REST API and the
 * edition it signs up for.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ExampleApplication {
  /**
   * Starts the site.
   *
   * @param args Spring Boot's command-line arguments, such as {@code --server.port=8081}
   */
  public static void main(String[] args) {
    SpringApplication.run(ExampleApplication.class, args);
  }
}
