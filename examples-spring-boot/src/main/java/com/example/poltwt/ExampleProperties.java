package com.example.poltwt;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The application's own settings, {@code example.*}.
 *
 * @param edition the edition the site signs up for
 * @param organiserToken the bearer token of {@code POST /api/announcements}; blank turns the
 *     endpoint off
 */
@ConfigurationProperties("example")
@Validated
public record ExampleProperties(@Valid @NotNull Edition edition, String organiserToken) {

  /**
   * The edition, saved at start-up when the database does not have it yet.
   *
   * @param number its number
   * @param date its date
   * @param localStart the start of each participant's 24 hours, in their own time zone
   */
  public record Edition(
      @Min(1) int number, @NotNull LocalDate date, @DefaultValue("00:00") LocalTime localStart) {}
}
