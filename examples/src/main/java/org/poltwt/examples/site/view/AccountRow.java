package org.poltwt.examples.site.view;

/**
 * One organiser account as the accounts page lists it.
 *
 * @param name the account's name
 * @param role its role, in words
 * @param state active, invited, expired or disabled, in words
 * @param secondFactor whether one-time codes are on, in words
 * @param disabled whether the account is disabled (the page offers to enable it)
 * @param self whether it is the viewer's own account (the page does not offer to disable it)
 */
public record AccountRow(
    String name, Msg role, Msg state, Msg secondFactor, boolean disabled, boolean self) {}
