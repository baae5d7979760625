package org.poltwt.examples.site;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.poltwt.examples.site.view.AuditRow;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.AuditLog;

/**
 * The audit log's pages, for administrators: the entries newest first, a page at a time, and the
 * whole log as CSV. There is nothing here to change or remove an entry.
 */
final class AuditPages {
  static final int PAGE = 50;

  /** Seconds shown: two entries a moment apart must not look simultaneous. */
  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT);

  private final Site site;

  AuditPages(Site site) {
    this.site = site;
  }

  void routes(JavalinConfig cfg) {
    cfg.routes.get("/organiser/audit", this::page);
    cfg.routes.get("/organiser/audit.csv", this::csv);
  }

  private void page(Context ctx) {
    AuditLog log = site.stores.auditLog();
    long total = log.count();
    long page;
    try {
      page = Math.max(0, Long.parseLong(Optional.ofNullable(ctx.queryParam("page")).orElse("0")));
    } catch (NumberFormatException e) {
      page = 0;
    }
    if (page * PAGE >= total && total > 0) {
      page = (total - 1) / PAGE;
    }
    List<AuditRow> rows = new ArrayList<>();
    for (AuditEntry e : log.list(page * PAGE, PAGE)) {
      rows.add(
          new AuditRow(
              SECONDS.format(e.at().atZone(ZoneOffset.UTC)),
              e.actor(),
              e.action(),
              e.target(),
              e.address()));
    }
    String previous = page > 0 ? "/organiser/audit?page=" + (page - 1) : null;
    String next = (page + 1) * PAGE < total ? "/organiser/audit?page=" + (page + 1) : null;
    Views.page(
        ctx,
        "organiser/audit",
        "rows",
        rows,
        "total",
        total,
        "page",
        page + 1,
        "previous",
        previous,
        "next",
        next);
  }

  /** The whole log, newest first, with cells kept from reading as spreadsheet formulas. */
  private void csv(Context ctx) {
    AuditTrail.record(site, ctx, "audit.export", "");
    AuditLog log = site.stores.auditLog();
    StringBuilder b = new StringBuilder("at,actor,action,target,address\r\n");
    for (long offset = 0; ; offset += AuditLog.MAX_PAGE) {
      List<AuditEntry> entries = log.list(offset, AuditLog.MAX_PAGE);
      for (AuditEntry e : entries) {
        b.append(e.at())
            .append(',')
            .append(OrganiserPages.cell(e.actor()))
            .append(',')
            .append(OrganiserPages.cell(e.action()))
            .append(',')
            .append(OrganiserPages.cell(e.target()))
            .append(',')
            .append(OrganiserPages.cell(e.address()))
            .append("\r\n");
      }
      if (entries.size() < AuditLog.MAX_PAGE) {
        break;
      }
    }
    ctx.header("Content-Disposition", "attachment; filename=\"poltwt-audit-log.csv\"");
    ctx.contentType("text/csv; charset=utf-8").result(b.toString());
  }
}
