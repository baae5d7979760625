package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.poltwt.spi.AuditEntry;
import org.poltwt.spi.AuditLog;

/** An {@link AuditLog} in a list: lost when the process ends. Thread-safe. */
public final class InMemoryAuditLog implements AuditLog {
  /** An entry with its place in the log, which orders entries of the same instant. */
  private record Line(long seq, AuditEntry entry) {}

  private static final Comparator<Line> NEWEST_FIRST =
      Comparator.comparing((Line l) -> l.entry().at()).thenComparingLong(Line::seq).reversed();

  private final List<Line> lines = new ArrayList<>();

  /** Creates an empty log. */
  public InMemoryAuditLog() {}

  @Override
  public synchronized void append(AuditEntry entry) {
    requireNonNull(entry, "entry");
    lines.add(new Line(lines.size(), entry));
  }

  @Override
  public synchronized List<AuditEntry> list(long offset, int limit) {
    AuditLog.checkPage(offset, limit);
    return lines.stream().sorted(NEWEST_FIRST).skip(offset).limit(limit).map(Line::entry).toList();
  }

  @Override
  public synchronized long count() {
    return lines.size();
  }

  @Override
  public String toString() {
    return "InMemoryAuditLog";
  }
}
