package com.example.cms;

import static java.util.Objects.requireNonNull;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.poltwt.event.Edition;
import org.poltwt.spi.EditionStore;

/** The CMS's own edition store, as a CMS writes one: a map, here in memory. */
public final class CmsEditionStore implements EditionStore {
  private final ConcurrentMap<Integer, Edition> editions = new ConcurrentHashMap<>();

  @Override
  public void save(Edition edition) {
    requireNonNull(edition, "edition");
    editions.put(edition.number(), edition);
  }

  @Override
  public Optional<Edition> find(int number) {
    return Optional.ofNullable(editions.get(number));
  }

  @Override
  public List<Edition> all() {
    return editions.values().stream().sorted(Comparator.comparingInt(Edition::number)).toList();
  }
}
