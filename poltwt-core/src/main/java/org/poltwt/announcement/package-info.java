/**
 * Organisers' announcements to an edition's registrants: the theme, practical information, a new
 * date. Each recipient gets their own email, with their own window in their own zone, exactly once,
 * through an outbox ({@link org.poltwt.spi.OutboxStore}); a change of an edition's schedule through
 * the {@link org.poltwt.announcement.EditionService} announces itself.
 */
package org.poltwt.announcement;
