/** The {@code poltwt} command-line tool, built on the library's public API only. */
package org.poltwt.examples.cli;
