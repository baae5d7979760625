package org.poltwt.jdbc;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.poltwt.registration.AccountType;
import org.poltwt.registration.AgencyLevel;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.InvalidRegistrationException;
import org.poltwt.registration.ParticipationModel;
import org.poltwt.registration.PostalAddress;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;

/** How a registration maps to a row of the {@code registration} table, both ways. */
final class RegistrationRows {
  /** Every column, in the order {@link #bind} binds them. */
  static final String COLUMNS =
      "id, edition_number, handle, handle_key, account_type, agency_name, agency_level,"
          + " officer_name, officer_name_on_map, email, street, city, region, postal_code, latitude, longitude, country,"
          + " time_zone, participation_model, status, email_needs_review, account_id, created_at, updated_at, erased_at, language";

  /** How many columns {@link #COLUMNS} names. */
  static final int COLUMN_COUNT = 26;

  /** Placeholders for every column. */
  static final String PLACEHOLDERS = "?" + ", ?".repeat(COLUMN_COUNT - 1);

  /**
   * Every column but the id, as {@code column = ?}, in the order {@link #bind} binds them after the
   * id.
   */
  static final String ASSIGNMENTS =
      String.join(" = ?, ", java.util.Arrays.asList(COLUMNS.split(", ")).subList(1, COLUMN_COUNT))
          + " = ?";

  /** Column limits the model does not impose itself. */
  static final int MAX_EMAIL = 320;

  static final int MAX_ACCOUNT_ID = 32;
  static final int MAX_ZONE = 64;

  private RegistrationRows() {}

  /**
   * Checks the values the schema bounds more tightly than the model does.
   *
   * @throws InvalidRegistrationException naming the field that does not fit
   */
  static void checkFits(Registration r) {
    if (r.email().length() > MAX_EMAIL) {
      throw new InvalidRegistrationException(
          "email", "must be at most " + MAX_EMAIL + " characters to be stored");
    }
    if (r.accountId().map(String::length).orElse(0) > MAX_ACCOUNT_ID) {
      throw new InvalidRegistrationException(
          "accountId", "must be at most " + MAX_ACCOUNT_ID + " characters to be stored");
    }
    if (r.zone().getId().length() > MAX_ZONE) {
      throw new InvalidRegistrationException(
          "zone", "must be an id of at most " + MAX_ZONE + " characters to be stored");
    }
  }

  /**
   * Binds every column of a registration from {@code first} on: the id, then the rest in the order
   * of {@link #COLUMNS}. With {@code idLast} the id goes after the rest instead, for an {@code
   * UPDATE ... SET} {@link #ASSIGNMENTS} {@code WHERE id = ?}.
   *
   * @return the next free parameter index
   */
  static int bind(PreparedStatement ps, int first, Registration r, boolean idLast)
      throws SQLException {
    int i = first;
    if (!idLast) {
      Jdbc.setUuid(ps, i++, r.id());
    }
    ps.setInt(i++, r.edition());
    ps.setString(i++, r.handle().value());
    ps.setString(i++, r.handle().normalized());
    ps.setString(i++, r.accountType().name());
    ps.setString(i++, r.agencyName());
    ps.setString(i++, r.agencyLevel().name());
    Jdbc.setString(ps, i++, r.officerName());
    ps.setBoolean(i++, r.officerNameOnMap());
    ps.setString(i++, r.email());
    Optional<PostalAddress> a = r.address();
    Jdbc.setString(ps, i++, a.map(PostalAddress::street));
    Jdbc.setString(ps, i++, a.map(PostalAddress::city));
    Jdbc.setString(ps, i++, a.map(PostalAddress::region));
    Jdbc.setString(ps, i++, a.map(PostalAddress::postalCode));
    Jdbc.setDouble(ps, i++, r.coordinates().map(Coordinates::latitude).orElse(null));
    Jdbc.setDouble(ps, i++, r.coordinates().map(Coordinates::longitude).orElse(null));
    ps.setString(i++, r.country());
    ps.setString(i++, r.zone().getId());
    ps.setString(i++, r.participationModel().name());
    ps.setString(i++, r.status().name());
    ps.setBoolean(i++, r.emailNeedsReview());
    Jdbc.setString(ps, i++, r.accountId());
    Jdbc.setInstant(ps, i++, r.createdAt());
    Jdbc.setInstant(ps, i++, r.updatedAt());
    Jdbc.setInstant(ps, i++, r.erasedAt());
    ps.setString(i++, r.language().toLanguageTag());
    if (idLast) {
      Jdbc.setUuid(ps, i++, r.id());
    }
    return i;
  }

  /** Reads the registration on the result set's current row. */
  static Registration read(ResultSet rs) throws SQLException {
    Registration.Builder b =
        Registration.builder()
            .id(Jdbc.getUuid(rs, "id"))
            .edition(rs.getInt("edition_number"))
            .handle(TwitterHandle.of(rs.getString("handle")))
            .accountType(AccountType.valueOf(rs.getString("account_type")))
            .agencyName(rs.getString("agency_name"))
            .agencyLevel(AgencyLevel.valueOf(rs.getString("agency_level")))
            .officerName(rs.getString("officer_name"))
            .officerNameOnMap(rs.getBoolean("officer_name_on_map"))
            .email(rs.getString("email"))
            .country(rs.getString("country"))
            .zone(ZoneId.of(rs.getString("time_zone")))
            .participationModel(ParticipationModel.valueOf(rs.getString("participation_model")))
            .language(Locale.forLanguageTag(rs.getString("language")))
            .status(RegistrationStatus.valueOf(rs.getString("status")))
            .emailNeedsReview(rs.getBoolean("email_needs_review"))
            .accountId(rs.getString("account_id"))
            .createdAt(Jdbc.getInstant(rs, "created_at"))
            .updatedAt(Jdbc.getInstant(rs, "updated_at"))
            .erasedAt(Jdbc.getOptionalInstant(rs, "erased_at").orElse(null));
    String street = rs.getString("street");
    if (street != null) {
      b.address(
          new PostalAddress(
              street, rs.getString("city"), rs.getString("region"), rs.getString("postal_code")));
    }
    double latitude = rs.getDouble("latitude");
    if (!rs.wasNull()) {
      b.coordinates(new Coordinates(latitude, rs.getDouble("longitude")));
    }
    return b.build();
  }
}
