/** Demo data for the site and the tool: a realistic made-up edition, and an offline gazetteer. */
package org.poltwt.examples.demo;
