/**
 * What the site's templates are given: the words from the message bundle ({@link
 * org.poltwt.examples.site.view.Messages}), the frame every page shares, and records of the data
 * each page shows. The pages themselves are jte templates under {@code src/main/jte}, compiled at
 * build time; Java only gathers these values.
 */
package org.poltwt.examples.site.view;
