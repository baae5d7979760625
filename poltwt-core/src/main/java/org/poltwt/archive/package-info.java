/**
 * An agency's archive: one account's posts of an edition as the public-records copy an agency
 * keeps, with the time it was captured and, when the platform was asked, which posts were edited
 * later or are no longer returned. {@link org.poltwt.archive.AgencyArchive} gathers the posts and
 * writes the archive's files (JSON Lines, a self-contained HTML page and a {@code SHA256SUMS}
 * manifest) to streams; where the files go is the caller's business.
 */
package org.poltwt.archive;
