/**
 * The sign-up site under load: two instances on one database, a burst of sign-ups each verified,
 * and a static file as the baseline.
 */
package org.poltwt.benchmarks.site;
