package org.poltwt.calendar;

import java.time.ZoneId;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.parameter.TzId;

/**
 * The {@code TZID} parameter of an invite's {@code DTSTART} and {@code DTEND}, which answers with
 * the JDK's zone itself rather than asking ical4j for one.
 *
 * <p>When ical4j writes a date property with a {@code TZID}, it resolves the name to a zone through
 * {@link TimeZoneRegistry#getGlobalZoneId}, that is through its own {@code java.time} zone
 * provider, whose loader fetches the zone's definition from {@code www.tzurl.org} unless {@code
 * net.fortuna.ical4j.timezone.update.enabled} is {@code false}; by default it is on. That would be
 * network I/O the application never asked for (once per zone and JVM, waiting out the network's
 * time-outs where the host cannot be reached), and for nothing: the invite's times are local times,
 * written as they are whatever the zone, with the {@code VTIMEZONE} {@link VTimeZones} builds from
 * the JDK's rules beside them. Answering here keeps ical4j's registry, loader and updater out of
 * the writing entirely, whatever the application's {@code ical4j.properties} or system properties
 * say.
 */
final class JdkTzId extends TzId {
  private static final long serialVersionUID = 1L;

  /** The zone the name stands for; {@code ZoneId} is serializable, like the parameter. */
  private final ZoneId zone;

  JdkTzId(ZoneId zone) {
    super(VTimeZones.tzid(zone));
    this.zone = zone;
  }

  /**
   * Returns the JDK's zone, never consulting {@code registry} or ical4j's global registry.
   *
   * @param registry ignored
   * @return the zone this parameter names
   */
  @Override
  public ZoneId toZoneId(TimeZoneRegistry registry) {
    return zone;
  }
}
