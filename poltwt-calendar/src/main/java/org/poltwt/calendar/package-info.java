/**
 * iCalendar (RFC 5545) files for the event, on ical4j: {@link org.poltwt.calendar.Invites}.
 *
 * <p>A registration's invite is one {@code VEVENT} for its own 24 hours, written in its time zone
 * with a {@code VTIMEZONE} built from the JDK's rules for that zone (the same rules {@link
 * org.poltwt.event.Schedule} uses, so a calendar shows exactly the schedule's window), two display
 * alarms (a day and fifteen minutes before), and the hashtag and themes in its description. Its
 * {@code UID} is fixed per registration and edition, so an invite sent again with a higher {@code
 * SEQUENCE} moves the event in the registrant's calendar, and a {@code METHOD:CANCEL} with the same
 * {@code UID} removes it. An edition's public feed holds the global span as one event in UTC.
 *
 * <p>The files carry no email address, name or postal address: only the registration's id (inside
 * the {@code UID}), its time zone and the edition's public details. The words in them come from the
 * {@code org.poltwt.calendar.InviteMessages} bundle.
 */
package org.poltwt.calendar;
