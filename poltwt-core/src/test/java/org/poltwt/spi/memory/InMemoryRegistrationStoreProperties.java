package org.poltwt.spi.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.test.Registrations;
import org.poltwt.test.StoreOrder;

class InMemoryRegistrationStoreProperties {

  /**
   * Registrations with the given creation seconds (ties likely) and random ids, inserted in list
   * order.
   */
  private static List<Registration> insertAll(
      InMemoryRegistrationStore store, List<Integer> createdSeconds, long idSeed) {
    Random random = new Random(idSeed);
    RegistrationStatus[] statuses = RegistrationStatus.values();
    List<Registration> all = new ArrayList<>();
    for (int i = 0; i < createdSeconds.size(); i++) {
      Registration r =
          Registrations.agencyBuilder(1, "p_" + i, Registrations.at(createdSeconds.get(i)))
              .id(new UUID(random.nextLong(), random.nextLong()))
              .status(statuses[random.nextInt(statuses.length)])
              .build();
      store.insert(r);
      all.add(r);
    }
    return all;
  }

  @Property
  void pagingVisitsEveryMatchOnceInStoreOrder(
      @ForAll @Size(max = 40) List<@IntRange(max = 5) Integer> createdSeconds,
      @ForAll @IntRange(min = 1, max = 12) int limit,
      @ForAll long idSeed) {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    List<Registration> expected = insertAll(store, createdSeconds, idSeed);
    expected.sort(StoreOrder.registrations());

    List<Registration> visited = new ArrayList<>();
    for (int offset = 0; ; offset += limit) {
      List<Registration> page = store.list(RegistrationQuery.of(1), offset, limit);
      assertThat(page.size()).isLessThanOrEqualTo(limit);
      if (page.isEmpty()) {
        break;
      }
      visited.addAll(page);
    }

    assertThat(visited).containsExactlyElementsOf(expected);
  }

  @Property
  void countAgreesWithListForEveryStatus(
      @ForAll @Size(max = 30) List<@IntRange(max = 5) Integer> createdSeconds,
      @ForAll RegistrationStatus status,
      @ForAll long idSeed) {
    InMemoryRegistrationStore store = new InMemoryRegistrationStore();
    List<Registration> all = insertAll(store, createdSeconds, idSeed);
    RegistrationQuery query = RegistrationQuery.of(1).withStatus(status);

    List<Registration> listed = store.list(query, 0, Integer.MAX_VALUE);

    assertThat(listed).allMatch(r -> r.status() == status);
    assertThat(listed).hasSize((int) all.stream().filter(r -> r.status() == status).count());
    assertThat(store.count(query)).isEqualTo(listed.size());
  }
}
