package com.example.poltwt;

import org.poltwt.announcement.EditionService;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.spi.EditionStore;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Saves the edition of {@code example.edition.*} at start-up unless the database has it. An edition
 * already stored is left as it is: organisers change it through {@link EditionService}, which
 * announces the change to its registrants.
 */
@Component
class EditionSetup implements ApplicationRunner {
  private final ExampleProperties properties;
  private final EditionStore editions;
  private final EditionService editionService;

  EditionSetup(ExampleProperties properties, EditionStore editions, EditionService editionService) {
    this.properties = properties;
    this.editions = editions;
    this.editionService = editionService;
  }

  @Override
  public void run(ApplicationArguments args) {
    ExampleProperties.Edition wanted = properties.edition();
    if (editions.find(wanted.number()).isPresent()) {
      return;
    }
    try {
      editionService.create(
          Edition.builder()
              .number(wanted.number())
              .status(EditionStatus.SCHEDULED)
              .date(wanted.date())
              .localStart(wanted.localStart())
              .build());
    } catch (InvalidEditionException e) {
      // Another instance on the same database saved it first.
      if (editions.find(wanted.number()).isEmpty()) {
        throw e;
      }
    }
  }
}
