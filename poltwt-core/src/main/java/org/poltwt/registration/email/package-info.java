/**
 * The government-email rule: {@link org.poltwt.registration.email.GovernmentEmailPolicy} assesses
 * an address as accepted, refused or sent to organiser review ({@link
 * org.poltwt.registration.email.Verdict}, {@link org.poltwt.registration.email.EmailAssessment}),
 * from its syntax, the Public Suffix List, public government namespaces, scripts and registries of
 * known government domains. {@link org.poltwt.registration.email.EmailMask} shows an address so
 * that only its owner recognises it.
 *
 * <p>No address appears in an exception message, a {@code toString()} or a log line.
 */
package org.poltwt.registration.email;
