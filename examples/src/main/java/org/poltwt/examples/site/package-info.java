/**
 * The sign-up site, on Javalin: pages from the jte templates of {@code src/main/jte}, compiled at
 * build time and given records of the {@link org.poltwt.examples.site.view} package, every word
 * from {@code messages.properties}; the stores from one {@link org.poltwt.examples.common.Stores}
 * holder, mail to a folder or SMTP.
 */
package org.poltwt.examples.site;
