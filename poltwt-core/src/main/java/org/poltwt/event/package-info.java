/**
 * Editions of the event and their follow-the-sun schedule.
 *
 * <p>An {@link org.poltwt.event.Edition} says when the event happens; its {@link
 * org.poltwt.event.Schedule} turns that into each time zone's 24-hour {@link
 * org.poltwt.event.Window}, the global span, the zones live at an instant, and countdowns.
 */
package org.poltwt.event;
