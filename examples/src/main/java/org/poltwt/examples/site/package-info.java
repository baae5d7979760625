/**
 * The sign-up site, on Javalin: pages built with an escaping HTML builder, the stores from one
 * {@link org.poltwt.examples.common.Stores} holder, mail to a folder or SMTP.
 */
package org.poltwt.examples.site;
