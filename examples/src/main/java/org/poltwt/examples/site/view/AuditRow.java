package org.poltwt.examples.site.view;

/**
 * One line of the audit page.
 *
 * @param at when, in UTC
 * @param actor the organiser's account
 * @param action what was done, as its code
 * @param target what it was done to, or empty
 * @param address where the request came from, or empty
 */
public record AuditRow(String at, String actor, String action, String target, String address) {}
