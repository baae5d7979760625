/**
 * Signing up for an edition: the {@link org.poltwt.registration.Registration} model, the {@link
 * org.poltwt.registration.email.GovernmentEmailPolicy}, and the {@link
 * org.poltwt.registration.RegistrationService} that validates, stores, verifies, masks, withdraws
 * and erases.
 *
 * <p>Personal data (emails, officers' names, addresses) never appears in an exception message, a
 * {@code toString()} or a log line.
 */
package org.poltwt.registration;
