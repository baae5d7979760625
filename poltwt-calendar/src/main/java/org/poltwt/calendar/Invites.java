package org.poltwt.calendar;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.stream.Collectors;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.PropertyList;
import net.fortuna.ical4j.model.component.CalendarComponent;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Action;
import net.fortuna.ical4j.model.property.CalScale;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Method;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Transp;
import net.fortuna.ical4j.model.property.Trigger;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Version;
import net.fortuna.ical4j.validate.ValidationException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.Schedule;
import org.poltwt.event.Window;
import org.poltwt.registration.Registration;
import org.poltwt.registration.RegistrationService;
import org.poltwt.spi.CalendarInvites;
import org.poltwt.spi.Mail;

/**
 * Writes the event's iCalendar files: a registration's invite to its own 24 hours, the cancellation
 * of that invite, and an edition's public feed.
 *
 * <p>An invite ({@code METHOD:REQUEST}) holds one {@code VEVENT} from the start to the end of
 * {@link Schedule#windowIn(ZoneId)} for the registration's zone, written as local times in that
 * zone with a {@code VTIMEZONE} built from the JDK's rules, so that calendars show the schedule's
 * instants even across a daylight-saving change. A time whose local time happens twice (in the hour
 * a clock goes back) is written in UTC, since calendars disagree on which of the two it means. Its
 * {@link #uid(Registration, Edition) UID} is the same for every invite of one registration to one
 * edition: send the invite again with a higher {@code sequence} when the edition moves, and the
 * calendar moves the event; send {@link #cancellation} with a higher sequence when the registration
 * is withdrawn or the edition cancelled, and the calendar drops it. Each event has display alarms a
 * day and fifteen minutes before it starts.
 *
 * <p>The files hold no email address, name or postal address, and no {@code ORGANIZER} or {@code
 * ATTENDEE}: only the registration's id (in the UID), its zone and the edition's hashtag and
 * themes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class Invites {
  /** The {@code PRODID} of every file written here. */
  public static final String PRODUCT_ID = "-//poltwt//poltwt-calendar//EN";

  /** The bundle the files' words come from. */
  static final String BUNDLE = "org.poltwt.calendar.InviteMessages";

  /** The alarms' offsets from the start: a day and fifteen minutes before. */
  static final List<Duration> ALARMS = List.of(Duration.ofDays(-1), Duration.ofMinutes(-15));

  private final Clock clock;
  private final ResourceBundle words;

  private Invites(Clock clock, Locale locale) {
    this.clock = clock;
    this.words =
        ResourceBundle.getBundle(
            BUNDLE,
            locale,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /**
   * Returns invites stamped ({@code DTSTAMP}) with the clock's time, in English.
   *
   * @param clock the clock, usually the application's
   * @return the invites
   * @throws NullPointerException if {@code clock} is null
   */
  public static Invites of(Clock clock) {
    return new Invites(requireNonNull(clock, "clock"), Locale.ROOT);
  }

  /**
   * Returns invites like these whose words (summary, description, alarms) are in another language,
   * from {@code InviteMessages_<language>.properties} beside the English one; a language without a
   * translation gets English, never the JVM's default language.
   *
   * @param locale the language, usually the registrant's
   * @return the invites in that language, with the same clock
   * @throws NullPointerException if {@code locale} is null
   */
  public Invites inLocale(Locale locale) {
    return new Invites(clock, requireNonNull(locale, "locale"));
  }

  /**
   * These invites as the files poltwt's services attach to their mails ({@link
   * RegistrationService.Builder#calendarInvites}): each in the registration's own language, named
   * {@code poltwt-<edition>.ics}, typed {@code text/calendar} with its method; empty where this
   * class would throw an {@link InviteException} (no date, a cancelled edition, an erased
   * registration).
   *
   * @return the attachments' writer
   */
  public CalendarInvites attachments() {
    return new CalendarInvites() {
      @Override
      public Optional<Mail.Attachment> invite(
          Registration registration, Edition edition, int sequence) {
        try {
          String ics = inLocale(registration.language()).invite(registration, edition, sequence);
          return Optional.of(file(edition, "REQUEST", ics));
        } catch (InviteException e) {
          return Optional.empty();
        }
      }

      @Override
      public Optional<Mail.Attachment> cancellation(
          Registration registration, Edition edition, int sequence) {
        String ics =
            inLocale(registration.language()).cancellation(registration, edition, sequence);
        return Optional.of(file(edition, "CANCEL", ics));
      }
    };
  }

  private static Mail.Attachment file(Edition edition, String method, String ics) {
    return new Mail.Attachment(
        "poltwt-" + edition.number() + ".ics", "text/calendar; method=" + method, ics);
  }

  /**
   * Returns the UID of a registration's event for an edition: {@code <registration id>-<edition
   * number>@poltwt}, the same for every invite and cancellation of that registration to that
   * edition.
   *
   * @param registration the registration
   * @param edition the edition
   * @return the UID
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the registration is for another edition
   */
  public static String uid(Registration registration, Edition edition) {
    requireNonNull(registration, "registration");
    requireNonNull(edition, "edition");
    if (registration.edition() != edition.number()) {
      throw new IllegalArgumentException(
          "edition: the registration is for edition "
              + registration.edition()
              + ", not "
              + edition.number());
    }
    return registration.id() + "-" + edition.number() + "@poltwt";
  }

  /**
   * Returns the UID of an edition's public feed event: {@code edition-<number>@poltwt}.
   *
   * @param edition the edition
   * @return the UID
   * @throws NullPointerException if {@code edition} is null
   */
  public static String feedUid(Edition edition) {
    requireNonNull(edition, "edition");
    return "edition-" + edition.number() + "@poltwt";
  }

  /**
   * Writes a registration's invite to its own 24 hours ({@code METHOD:REQUEST}).
   *
   * @param registration the registration, not erased
   * @param edition the registration's edition, with a date and not cancelled
   * @param sequence the invite's {@code SEQUENCE}: higher than that of any earlier invite or
   *     cancellation of the same registration ({@link CalendarInvites#sequenceAt} of now does)
   * @return the {@code .ics} text, with CRLF line ends
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the registration is for another edition or {@code sequence}
   *     is negative
   * @throws InviteException with {@link InviteException.Reason#NO_DATE} if the edition has no date,
   *     {@link InviteException.Reason#EDITION_CANCELLED} if it is cancelled, {@link
   *     InviteException.Reason#ERASED} if the registration was erased
   */
  public String invite(Registration registration, Edition edition, int sequence) {
    String uid = uid(registration, edition);
    checkSequence(sequence);
    if (registration.isErased()) {
      throw new InviteException(
          InviteException.Reason.ERASED,
          "registration: erased, so it gets a cancellation, not an invite");
    }
    if (edition.status() == EditionStatus.CANCELLED) {
      throw new InviteException(
          InviteException.Reason.EDITION_CANCELLED,
          "edition "
              + edition.number()
              + " is cancelled, so it gets a cancellation, not an invite");
    }
    ZoneId zone = registration.zone();
    Window window = schedule(edition).windowIn(zone);
    List<Property> properties = eventCore(uid, sequence);
    properties.add(new Summary(text("invite.summary", edition, zone)));
    properties.add(new Description(description("invite.description", edition, zone)));
    properties.addAll(zonedWindow(window, zone));
    properties.add(new Transp(Transp.VALUE_OPAQUE));
    VEvent event = new VEvent(new PropertyList(properties), alarms(edition, zone));
    return write(
        Method.VALUE_REQUEST,
        List.of(VTimeZones.forWindow(zone, window), (CalendarComponent) event));
  }

  /**
   * Writes the cancellation of a registration's invite ({@code METHOD:CANCEL}, {@code
   * STATUS:CANCELLED}, the invite's UID), for a withdrawn or erased registration or a cancelled
   * edition. It holds the window when the edition has a date, and no times otherwise.
   *
   * @param registration the registration, which may be erased
   * @param edition the registration's edition, in any status
   * @param sequence a {@code SEQUENCE} higher than that of the last invite sent
   * @return the {@code .ics} text, with CRLF line ends
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if the registration is for another edition or {@code sequence}
   *     is negative
   */
  public String cancellation(Registration registration, Edition edition, int sequence) {
    String uid = uid(registration, edition);
    checkSequence(sequence);
    ZoneId zone = registration.zone();
    List<Property> properties = eventCore(uid, sequence);
    properties.add(new Summary(text("invite.summary", edition, zone)));
    properties.add(new Status(Status.VALUE_CANCELLED));
    List<CalendarComponent> components = new ArrayList<>();
    if (edition.date().isPresent()) {
      Window window = Schedule.of(edition).windowIn(zone);
      properties.addAll(zonedWindow(window, zone));
      components.add(VTimeZones.forWindow(zone, window));
    }
    components.add(new VEvent(new PropertyList(properties)));
    return write(Method.VALUE_CANCEL, components);
  }

  /**
   * Writes an edition's public feed ({@code METHOD:PUBLISH}): one event from the first zone's start
   * to the last zone's end ({@link Schedule#globalSpan()}) in UTC, without alarms. A cancelled
   * edition's event is marked {@code STATUS:CANCELLED}. Its UID is {@link #feedUid(Edition)}.
   *
   * @param edition the edition, with a date
   * @return the {@code .ics} text, with CRLF line ends
   * @throws NullPointerException if {@code edition} is null
   * @throws InviteException with {@link InviteException.Reason#NO_DATE} if the edition has no date
   */
  public String editionFeed(Edition edition) {
    Window span = schedule(edition).globalSpan();
    List<Property> properties = eventCore(feedUid(edition), 0);
    properties.add(new Summary(text("feed.summary", edition, ZoneId.of("UTC"))));
    properties.add(new Description(description("feed.description", edition, ZoneId.of("UTC"))));
    properties.add(new DtStart<>(span.start()));
    properties.add(new DtEnd<>(span.end()));
    properties.add(new Transp(Transp.VALUE_TRANSPARENT));
    properties.add(
        new Status(
            edition.status() == EditionStatus.CANCELLED
                ? Status.VALUE_CANCELLED
                : Status.VALUE_CONFIRMED));
    return write(Method.VALUE_PUBLISH, List.of(new VEvent(new PropertyList(properties))));
  }

  private static Schedule schedule(Edition edition) {
    requireNonNull(edition, "edition");
    if (edition.date().isEmpty()) {
      throw new InviteException(
          InviteException.Reason.NO_DATE,
          "edition " + edition.number() + " has no date yet, so it has no window to send");
    }
    return Schedule.of(edition);
  }

  private static void checkSequence(int sequence) {
    if (sequence < 0) {
      throw new IllegalArgumentException("sequence: must not be negative, was " + sequence);
    }
  }

  private List<Property> eventCore(String uid, int sequence) {
    List<Property> properties = new ArrayList<>();
    properties.add(new Uid(uid));
    properties.add(new DtStamp(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
    properties.add(new Sequence(sequence));
    return properties;
  }

  /**
   * DTSTART and DTEND as local times in the zone, naming the VTIMEZONE written beside them; a local
   * time that happens twice (in the hour a clock goes back), which calendars resolve differently,
   * is written in UTC instead. The TZID is a {@link JdkTzId}, so that writing them never makes
   * ical4j look the zone up (on the network, by default).
   */
  private static List<Property> zonedWindow(Window window, ZoneId zone) {
    ParameterList tzid = new ParameterList(List.of(new JdkTzId(zone)));
    return List.of(
        VTimeZones.isUnambiguous(window.start(), zone)
            ? new DtStart<>(tzid, VTimeZones.local(window.start(), zone))
            : new DtStart<>(window.start()),
        VTimeZones.isUnambiguous(window.end(), zone)
            ? new DtEnd<>(tzid, VTimeZones.local(window.end(), zone))
            : new DtEnd<>(window.end()));
  }

  private ComponentList<VAlarm> alarms(Edition edition, ZoneId zone) {
    List<VAlarm> alarms = new ArrayList<>();
    List<String> keys = List.of("alarm.day", "alarm.quarter");
    for (int i = 0; i < ALARMS.size(); i++) {
      alarms.add(
          new VAlarm(
              new PropertyList(
                  List.of(
                      new Action(Action.VALUE_DISPLAY),
                      new Trigger(ALARMS.get(i)),
                      new Description(text(keys.get(i), edition, zone))))));
    }
    return new ComponentList<>(alarms);
  }

  private String description(String key, Edition edition, ZoneId zone) {
    return edition.themes().isEmpty()
        ? text(key, edition, zone)
        : text(key + ".themes", edition, zone);
  }

  private String text(String key, Edition edition, ZoneId zone) {
    return new MessageFormat(words.getString(key), words.getLocale())
        .format(
            new Object[] {
              edition.hashtag(), String.valueOf(edition.number()), zone.getId(), themes(edition)
            });
  }

  private static String themes(Edition edition) {
    return edition.themes().stream().map(t -> "#" + t).collect(Collectors.joining(", "));
  }

  private static String write(String method, List<? extends CalendarComponent> components) {
    Calendar calendar =
        new Calendar(
            new PropertyList(
                List.of(
                    new ProdId(PRODUCT_ID),
                    new Version(new ParameterList(), Version.VALUE_2_0),
                    new CalScale(CalScale.VALUE_GREGORIAN),
                    new Method(method))),
            new ComponentList<>(components));
    StringWriter out = new StringWriter();
    try {
      // Not validated on the way out: ical4j's iTIP rules want ORGANIZER and ATTENDEE addresses,
      // which these files leave out on purpose. The tests check the files with two parsers.
      new CalendarOutputter(false).output(calendar, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("calendar: not valid", e);
    }
    return out.toString();
  }
}
