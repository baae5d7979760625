package org.poltwt.benchmarks;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.poltwt.event.Edition;
import org.poltwt.jdbc.ImportReport;
import org.poltwt.jdbc.JdbcStores;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.RegistrationQuery;

/**
 * Bulk import of registrations into embedded H2 through {@link
 * JdbcStores#importRegistrations(Iterable, int)} against its baseline, raw JDBC batch inserts of
 * the same rows in the same batches and transactions with no checks. Each operation writes
 * {@link #rows} registrations into an emptied table; the figure to report is baseline time /
 * import time, the import's throughput as a share of raw JDBC's.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class JdbcBenchmark {
  private static final String INSERT = "INSERT INTO registration (id, edition_number, handle, handle_key,"
      + " account_type, agency_name, agency_level, officer_name, officer_name_on_map, email, street, city, region,"
      + " postal_code, latitude, longitude, country, time_zone, participation_model, status, email_needs_review,"
      + " account_id, created_at, updated_at, erased_at)"
      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

  /** Registrations written per operation. */
  @Param("5000")
  public int rows;

  /** Rows per batch and transaction, in both ways of writing. */
  @Param("500")
  public int batch;

  private DataSource dataSource;
  private JdbcStores stores;
  private List<Registration> registrations;

  /** Creates the database and the rows: half agencies, half officers with an address. */
  @Setup(Level.Trial)
  public void setUp() {
    dataSource = JdbcStores.inMemoryH2("jdbc-benchmark-" + UUID.randomUUID());
    stores = JdbcStores.create(dataSource);
    stores.editions().save(Edition.builder().number(1).date(LocalDate.of(2015, 6, 5)).build());
    Instant t0 = Instant.parse("2015-06-01T00:00:00Z");
    registrations = new ArrayList<>(rows);
    for (int i = 0; i < rows; i++) {
      String handle = String.format(Locale.ROOT, "bench_%06d", i);
      Registration.Builder b = Registration.builder()
          .id(UUID.nameUUIDFromBytes(handle.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
          .edition(1)
          .handle(TwitterHandle.of(handle))
          .agencyName("Police Department " + i)
          .agencyLevel(AgencyLevel.LOCAL)
          .email(handle + "@police.gov")
          .country("US")
          .zone(ZoneId.of("America/New_York"))
          .participationModel(ParticipationModel.CALLS_FOR_SERVICE)
          .status(RegistrationStatus.VERIFIED)
          .createdAt(t0.plusSeconds(i));
      if (i % 2 == 0) {
        b.accountType(AccountType.AGENCY);
      } else {
        b.accountType(AccountType.OFFICER).officerName("Officer " + i)
            .address(new PostalAddress(i + " Main Street", "Springfield", "IL", "62701"))
            .coordinates(new Coordinates(39.78, -89.65));
      }
      registrations.add(b.build());
    }
  }

  /** Empties the table before each operation (not measured). */
  @Setup(Level.Invocation)
  public void emptyTable() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM registration");
    }
  }

  /** Frees the in-memory database. */
  @TearDown(Level.Trial)
  public void tearDown() throws SQLException {
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
      s.execute("SHUTDOWN");
    }
  }

  /**
   * The library's import: per batch, the checks against the stored ids, handles and editions, then
   * one JDBC batch in one transaction.
   *
   * @return the rows inserted
   */
  @Benchmark
  public long importRegistrations() {
    ImportReport report = stores.importRegistrations(registrations, batch);
    if (report.inserted() != rows) {
      throw new IllegalStateException("inserted " + report.inserted() + " of " + rows);
    }
    return report.inserted();
  }

  /**
   * The baseline: the same rows, batches and transactions, with plain JDBC and no checks.
   *
   * @return the rows inserted
   * @throws SQLException if the database fails
   */
  @Benchmark
  public long rawJdbcBatch() throws SQLException {
    long inserted = 0;
    for (int from = 0; from < rows; from += batch) {
      try (Connection c = dataSource.getConnection()) {
        c.setAutoCommit(false);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
          for (Registration r : registrations.subList(from, Math.min(rows, from + batch))) {
            bind(ps, r);
            ps.addBatch();
          }
          for (int n : ps.executeBatch()) {
            inserted += n;
          }
        }
        c.commit();
      }
    }
    return inserted;
  }

  /** The rows each operation writes, in creation order. */
  List<Registration> rowsToWrite() {
    return registrations;
  }

  /** The rows stored now, read back through the library, in creation order. */
  List<Registration> storedRows() {
    return stores.registrations().list(RegistrationQuery.of(1), 0, Integer.MAX_VALUE);
  }

  private static void bind(PreparedStatement ps, Registration r) throws SQLException {
    ps.setObject(1, r.id());
    ps.setInt(2, r.edition());
    ps.setString(3, r.handle().value());
    ps.setString(4, r.handle().normalized());
    ps.setString(5, r.accountType().name());
    ps.setString(6, r.agencyName());
    ps.setString(7, r.agencyLevel().name());
    ps.setString(8, r.officerName().orElse(null));
    ps.setBoolean(9, r.officerNameOnMap());
    ps.setString(10, r.email());
    ps.setString(11, r.address().map(PostalAddress::street).orElse(null));
    ps.setString(12, r.address().map(PostalAddress::city).orElse(null));
    ps.setString(13, r.address().map(PostalAddress::region).orElse(null));
    ps.setString(14, r.address().map(PostalAddress::postalCode).orElse(null));
    if (r.coordinates().isPresent()) {
      ps.setDouble(15, r.coordinates().get().latitude());
      ps.setDouble(16, r.coordinates().get().longitude());
    } else {
      ps.setNull(15, Types.DOUBLE);
      ps.setNull(16, Types.DOUBLE);
    }
    ps.setString(17, r.country());
    ps.setString(18, r.zone().getId());
    ps.setString(19, r.participationModel().name());
    ps.setString(20, r.status().name());
    ps.setBoolean(21, r.emailNeedsReview());
    ps.setString(22, r.accountId().orElse(null));
    ps.setObject(23, OffsetDateTime.ofInstant(r.createdAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    ps.setObject(24, OffsetDateTime.ofInstant(r.updatedAt(), ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    ps.setNull(25, Types.TIMESTAMP_WITH_TIMEZONE);
  }
}
