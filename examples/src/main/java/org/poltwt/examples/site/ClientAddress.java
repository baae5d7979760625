package org.poltwt.examples.site;

import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import org.poltwt.examples.common.TrustedProxies;

/**
 * The visitor's address, the one every part of the site uses (rate limits, the log-in throttle, the
 * audit trail): the connection's own address, or, from a trusted reverse proxy, the address its
 * {@code Forwarded} or {@code X-Forwarded-For} header names ({@link TrustedProxies#clientAddress}).
 * Found once per request.
 */
final class ClientAddress {
  private static final String ATTRIBUTE = "poltwt.clientAddress";

  private ClientAddress() {}

  /**
   * The visitor's address: IPv4 dotted, IPv6 in RFC 5952 form without brackets.
   *
   * @param ctx the request
   * @return the address; the connection's text if it is no address literal
   */
  static String of(Context ctx) {
    String known = ctx.attribute(ATTRIBUTE);
    if (known != null) {
      return known;
    }
    Site site = Site.of(ctx);
    TrustedProxies trusted = site == null ? TrustedProxies.none() : site.config.trustedProxies();
    String found =
        trusted.clientAddress(ctx.ip(), lines(ctx, "Forwarded"), lines(ctx, "X-Forwarded-For"));
    ctx.attribute(ATTRIBUTE, found);
    return found;
  }

  private static List<String> lines(Context ctx, String header) {
    return Collections.list(ctx.req().getHeaders(header));
  }
}
