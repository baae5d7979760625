/**
 * The {@code poltwt} command-line tool's commands (all but {@code serve}, which is the site's),
 * built on the library's public API only. It depends on {@code common}, never on the site's
 * package; {@link org.poltwt.examples.PoltwtCli} puts the commands together.
 */
package org.poltwt.examples.cli;
