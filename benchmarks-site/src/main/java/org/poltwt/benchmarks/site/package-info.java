/**
 * The sign-up site under load: two instances on one database, a burst of sign-ups each verified,
 * and a static file as the baseline; and the live board's viewers on one instance, against none.
 */
package org.poltwt.benchmarks.site;
