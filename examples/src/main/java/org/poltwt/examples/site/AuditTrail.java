package org.poltwt.examples.site;

import io.javalin.http.Context;
import java.util.regex.Pattern;
import org.poltwt.spi.AuditEntry;

/**
 * Writes the site's entries in the audit log: who (the organiser's account, from the session),
 * when, what and from which address. What the entries name is an id, an edition's number or a
 * domain, never a registrant's email or name.
 */
final class AuditTrail {
  /** The request attribute holding the organiser's {@link Guards.Session}. */
  static final String SESSION = "organiserSession";

  /** The actor of a log-in attempt with a name no account has: the name itself is not kept. */
  static final String UNKNOWN = "unknown";

  private static final Pattern ADDRESS = Pattern.compile("[0-9A-Za-z.:%]{1,64}");

  private AuditTrail() {}

  /** The session of the organiser making the request, set once the session is checked. */
  static Guards.Session session(Context ctx) {
    return ctx.attribute(SESSION);
  }

  /** Records an action of the organiser making the request. */
  static void record(Site site, Context ctx, String action, String target) {
    Guards.Session s = session(ctx);
    record(site, ctx, s == null ? UNKNOWN : s.account(), action, target);
  }

  /** Records an action of a named actor (a log-in, before there is a session). */
  static void record(Site site, Context ctx, String actor, String action, String target) {
    site.stores
        .auditLog()
        .append(new AuditEntry(site.clock.instant(), actor, action, target, address(ctx)));
  }

  /**
   * The visitor's address ({@link ClientAddress}) as the log keeps it: IPv6 without brackets; empty
   * if unreadable.
   */
  static String address(Context ctx) {
    String ip = ClientAddress.of(ctx);
    return ADDRESS.matcher(ip).matches() ? ip : "";
  }
}
