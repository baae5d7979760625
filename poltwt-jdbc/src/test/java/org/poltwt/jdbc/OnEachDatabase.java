package org.poltwt.jdbc;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import org.junit.jupiter.api.ClassTemplate;
import org.junit.jupiter.api.extension.ExtendWith;
import org.poltwt.jdbc.TestDatabase.Schema;

/**
 * Runs every test of the marked class once on each {@link Database}, each run named after its
 * database. The class takes a {@link DatabaseFixture} in its constructor; see {@link DatabaseRuns}.
 */
@Target(TYPE)
@Retention(RUNTIME)
@Documented
@ClassTemplate
@ExtendWith(DatabaseRuns.class)
@interface OnEachDatabase {
  /**
   * Where the tables go on each database in turn, starting again from the first entry when there
   * are more databases than entries. Alternating them runs each store in both places across the
   * databases.
   *
   * @return the schemas, in the order of the databases
   */
  Schema[] schemas() default {Schema.DEFAULT, Schema.OWN};

  /**
   * The most connections one test takes at once: the pool size of a pooled database.
   *
   * @return the connections
   */
  int connections() default 4;
}
