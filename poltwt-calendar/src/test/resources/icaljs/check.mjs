// Reads iCalendar files with Mozilla's ical.js and prints, for each VEVENT, one tab-separated line:
// file, METHOD, UID, SEQUENCE, DTSTART and DTEND as UTC instants (or "-"), the alarms' triggers.
// Each VTIMEZONE in a file is registered first, so local times are converted with the file's own
// time-zone definitions, never with any database of ical.js or the machine.
// Exits non-zero when a file does not parse.
import { readFileSync } from "node:fs";
import ICAL from "./ical.js";

const utc = (time) => (time ? time.toJSDate().toISOString().replace(".000Z", "Z") : "-");

for (const file of process.argv.slice(2)) {
  const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  if (calendar.name !== "vcalendar") {
    throw new Error(file + ": not a VCALENDAR");
  }
  ICAL.TimezoneService.reset();
  for (const zone of calendar.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  for (const vevent of calendar.getAllSubcomponents("vevent")) {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstProperty("dtstart");
    const tzid = start && start.getParameter("tzid");
    if (tzid && !ICAL.TimezoneService.has(tzid)) {
      throw new Error(file + ": DTSTART names TZID " + tzid + " but the file has no such VTIMEZONE");
    }
    const alarms = vevent
      .getAllSubcomponents("valarm")
      .map((a) => a.getFirstPropertyValue("action") + " " + a.getFirstPropertyValue("trigger").toString());
    console.log(
      [
        file,
        calendar.getFirstPropertyValue("method"),
        event.uid,
        event.sequence,
        start ? utc(event.startDate) : "-",
        vevent.hasProperty("dtend") ? utc(event.endDate) : "-",
        alarms.join(","),
      ].join("\t"),
    );
  }
}
