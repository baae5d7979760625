package org.poltwt.spi.memory;

import org.poltwt.spi.AuditLog;
import org.poltwt.test.AuditLogContract;

class InMemoryAuditLogTest extends AuditLogContract {
  @Override
  protected AuditLog newLog() {
    return new InMemoryAuditLog();
  }
}
