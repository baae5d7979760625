package org.poltwt.examples.site.view;

import java.util.List;

/**
 * What the "manage my registration" page shows: the registration's fixed facts and the form of what
 * its registrant may change.
 *
 * @param token the manage link's token, carried by every form of the page
 * @param handle the registered account, as it displays
 * @param agency the agency's name
 * @param edition the edition's number
 * @param status the message key of the registration's status
 * @param window the registrant's own 24 hours in words, or null when the edition has no date
 * @param officer whether it is an officer's account (only officers choose to show their name)
 * @param form the values and errors of the change form
 * @param summary the errors above the form, or null
 * @param countries the country choices
 * @param zones the time-zone choices
 * @param models the participation choices
 * @param languages the language choices
 * @param invite whether the registrant's calendar invite can be downloaded
 */
public record Manage(
    String token,
    String handle,
    String agency,
    int edition,
    Msg status,
    String window,
    boolean officer,
    FormState form,
    PageData.ErrorSummary summary,
    List<Option> countries,
    List<OptionGroup> zones,
    List<Option> models,
    List<Option> languages,
    boolean invite) {}
