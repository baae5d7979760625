package org.poltwt.map;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.poltwt.internal.text.Markup;
import org.poltwt.registration.Coordinates;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationStatus;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.Geocoder;
import org.poltwt.spi.RegistrationQuery;
import org.poltwt.spi.RegistrationStore;

/**
 * The official map of an edition's participants: verified registrations with a physical address.
 * Exports GeoJSON (RFC 7946) and KML. Participants without coordinates are kept apart in {@link
 * #unplaced()} until a {@link Geocoder} places them. Immutable.
 */
public final class ParticipantMap {
  private static final JsonFactory JSON = new JsonFactory();
  private static final int PAGE = 500;

  private final int edition;
  private final List<Participant> placed;
  private final List<Participant> unplaced;

  private ParticipantMap(int edition, List<Participant> participants) {
    this.edition = edition;
    List<Participant> withPoint = new ArrayList<>();
    List<Participant> without = new ArrayList<>();
    for (Participant p : participants) {
      (p.coordinates().isPresent() ? withPoint : without).add(p);
    }
    Comparator<Participant> order =
        Comparator.comparing((Participant p) -> p.country())
            .thenComparing(p -> p.handle().normalized());
    withPoint.sort(order);
    without.sort(order);
    this.placed = List.copyOf(withPoint);
    this.unplaced = List.copyOf(without);
  }

  /**
   * Builds the map from registrations; those not on the map (unverified, withdrawn, erased, or
   * without an address) and those of other editions are left out.
   *
   * @param edition the edition's number
   * @param registrations any registrations
   * @return the map
   */
  public static ParticipantMap of(int edition, Collection<Registration> registrations) {
    List<Participant> participants = new ArrayList<>();
    for (Registration r : registrations) {
      if (r.edition() == edition && r.onMap()) {
        participants.add(Participant.of(r));
      }
    }
    return new ParticipantMap(edition, participants);
  }

  /**
   * Builds the map from entries made elsewhere (an import, a previous edition's file).
   *
   * @param edition the edition's number
   * @param participants the entries
   * @return the map
   */
  public static ParticipantMap ofParticipants(int edition, Collection<Participant> participants) {
    return new ParticipantMap(edition, List.copyOf(participants));
  }

  /**
   * Builds the map of an edition from a store, reading its verified registrations page by page.
   *
   * @param store the registrations
   * @param edition the edition's number
   * @return the map
   */
  public static ParticipantMap from(RegistrationStore store, int edition) {
    return of(edition, verified(store, edition));
  }

  /**
   * Builds the map of an edition from a store, as {@link #from(RegistrationStore, int)} does, and
   * places the participants without stored coordinates with a geocoder: one read of the store.
   *
   * @param store the registrations
   * @param edition the edition's number
   * @param geocoder how to find an address without coordinates
   * @return the map; participants the geocoder cannot place stay {@linkplain #unplaced() unplaced}
   */
  public static ParticipantMap from(RegistrationStore store, int edition, Geocoder geocoder) {
    requireNonNull(geocoder, "geocoder");
    List<Registration> all = verified(store, edition);
    return of(edition, all).geocode(geocoder, all);
  }

  /** An edition's verified registrations, read page by page. */
  private static List<Registration> verified(RegistrationStore store, int edition) {
    requireNonNull(store, "store");
    RegistrationQuery verified =
        RegistrationQuery.of(edition).withStatus(RegistrationStatus.VERIFIED);
    List<Registration> all = new ArrayList<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Registration> page = store.list(verified, offset, PAGE);
      all.addAll(page);
      if (page.size() < PAGE) {
        break;
      }
    }
    return all;
  }

  /**
   * Returns the edition.
   *
   * @return the edition's number
   */
  public int edition() {
    return edition;
  }

  /**
   * Returns the participants with coordinates, by country and handle.
   *
   * @return an immutable list
   */
  public List<Participant> placed() {
    return placed;
  }

  /**
   * Returns the participants an organiser still has to geocode, by country and handle.
   *
   * @return an immutable list
   */
  public List<Participant> unplaced() {
    return unplaced;
  }

  /**
   * Places the unplaced participants the geocoder can locate.
   *
   * @param geocoder how to find an address
   * @param addresses the registrations, to read the addresses the map itself does not keep
   * @return a new map; participants the geocoder cannot place stay unplaced
   */
  public ParticipantMap geocode(Geocoder geocoder, Collection<Registration> addresses) {
    requireNonNull(geocoder, "geocoder");
    Map<TwitterHandle, Registration> byHandle = new HashMap<>();
    for (Registration r : addresses) {
      if (r.edition() == edition) {
        byHandle.put(r.handle(), r);
      }
    }
    List<Participant> all = new ArrayList<>(placed);
    for (Participant p : unplaced) {
      Registration r = byHandle.get(p.handle());
      Optional<Coordinates> point =
          r == null || r.address().isEmpty()
              ? Optional.empty()
              : geocoder.locate(r.address().get(), r.country());
      all.add(point.map(p::at).orElse(p));
    }
    return new ParticipantMap(edition, all);
  }

  /**
   * Writes the placed participants as an RFC 7946 GeoJSON FeatureCollection: one Point feature
   * each, coordinates longitude first, with the public facts as properties.
   *
   * @return the GeoJSON text
   */
  public String toGeoJson() {
    StringWriter out = new StringWriter();
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("type", "FeatureCollection");
      g.writeArrayFieldStart("features");
      for (Participant p : placed) {
        Coordinates c = p.coordinates().orElseThrow();
        g.writeStartObject();
        g.writeStringField("type", "Feature");
        g.writeObjectFieldStart("geometry");
        g.writeStringField("type", "Point");
        g.writeArrayFieldStart("coordinates");
        g.writeNumber(c.longitude());
        g.writeNumber(c.latitude());
        g.writeEndArray();
        g.writeEndObject();
        g.writeObjectFieldStart("properties");
        g.writeStringField("handle", p.handle().value());
        g.writeStringField("agency", p.agencyName());
        g.writeStringField("accountType", p.accountType().name());
        g.writeStringField("agencyLevel", p.agencyLevel().name());
        if (p.officerName().isPresent()) {
          g.writeStringField("officer", p.officerName().get());
        }
        g.writeStringField("country", p.country());
        g.writeStringField("city", p.city());
        g.writeNumberField("edition", edition);
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /**
   * Writes the placed participants as KML 2.2 for Google Earth and Maps: one Placemark each, all
   * registrant text escaped.
   *
   * @return the KML document
   */
  public String toKml() {
    StringBuilder b = new StringBuilder(256 + placed.size() * 400);
    b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n")
        .append("  <name>#PolTwt edition ")
        .append(edition)
        .append(" participants</name>\n");
    for (Participant p : placed) {
      Coordinates c = p.coordinates().orElseThrow();
      b.append("  <Placemark>\n    <name>")
          .append(xml(p.agencyName()))
          .append(" (")
          .append(xml(p.handle().toString()))
          .append(")</name>\n    <description>")
          .append(
              xml(
                  p.accountType().name().toLowerCase(Locale.ROOT)
                      + ", "
                      + p.agencyLevel().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                      + ", "
                      + p.city()
                      + ", "
                      + p.country()
                      + p.officerName().map(n -> ", officer " + n).orElse("")))
          .append("</description>\n    <ExtendedData>\n");
      data(b, "handle", p.handle().value());
      data(b, "accountType", p.accountType().name());
      data(b, "agencyLevel", p.agencyLevel().name());
      data(b, "country", p.country());
      data(b, "city", p.city());
      b.append("    </ExtendedData>\n    <Point><coordinates>")
          .append(c.longitude())
          .append(',')
          .append(c.latitude())
          .append("</coordinates></Point>\n  </Placemark>\n");
    }
    return b.append("</Document>\n</kml>\n").toString();
  }

  private static void data(StringBuilder b, String name, String value) {
    b.append("      <Data name=\"")
        .append(name)
        .append("\"><value>")
        .append(xml(value))
        .append("</value></Data>\n");
  }

  /** Escapes text for XML content and attributes; drops characters XML 1.0 cannot hold. */
  static String xml(String s) {
    return Markup.escape(s);
  }
}
