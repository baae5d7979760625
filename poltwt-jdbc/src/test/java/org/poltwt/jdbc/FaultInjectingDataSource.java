package org.poltwt.jdbc;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A data source that steps in around the {@code n}-th JDBC batch its connections execute: it can
 * let another connection write first (a concurrent sign-up), or kill the connection right after the
 * batch, before the transaction commits, so that the batch's rows are written (visible inside the
 * transaction) but not committed when the connection dies, as in a crash half-way through an
 * import.
 */
final class FaultInjectingDataSource implements DataSource {
  /** Kills a connection as a crash would. */
  @FunctionalInterface
  interface Killer {
    void kill(Connection victim) throws SQLException;
  }

  /** Counts what the doomed transaction saw, just before the kill. */
  @FunctionalInterface
  interface Probe {
    long look(Connection victim) throws SQLException;
  }

  /** Work done just before the batch, on the data source's own connections. */
  @FunctionalInterface
  interface Interloper {
    void act() throws SQLException;
  }

  private final DataSource real;
  private final int killAfterBatch;
  private final Interloper before;
  private final Killer killer;
  private final Probe probe;
  private final AtomicInteger batches = new AtomicInteger();
  private volatile long seenBeforeKill = -1;

  private FaultInjectingDataSource(
      DataSource real, int batch, Interloper before, Probe probe, Killer killer) {
    this.real = real;
    this.killAfterBatch = batch;
    this.before = before;
    this.probe = probe;
    this.killer = killer;
  }

  /**
   * Kills the connection after the {@code batch}-th batch, once the probe has looked inside the
   * transaction.
   */
  static FaultInjectingDataSource killingAfter(
      DataSource real, int batch, Probe probe, Killer killer) {
    return new FaultInjectingDataSource(real, batch, () -> {}, probe, killer);
  }

  /** Lets the interloper write just before the {@code batch}-th batch executes. */
  static FaultInjectingDataSource interleavingBefore(
      DataSource real, int batch, Interloper interloper) {
    return new FaultInjectingDataSource(real, batch, interloper, null, null);
  }

  /** What the probe counted inside the doomed transaction, or -1 if no connection was killed. */
  long seenBeforeKill() {
    return seenBeforeKill;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return wrap(real.getConnection());
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return wrap(real.getConnection(username, password));
  }

  private Connection wrap(Connection connection) {
    InvocationHandler h =
        (proxy, method, args) -> {
          Object result = invoke(connection, method, args);
          if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement) {
            return wrap(connection, (PreparedStatement) result);
          }
          return result;
        };
    return (Connection)
        Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class}, h);
  }

  private PreparedStatement wrap(Connection connection, PreparedStatement statement) {
    InvocationHandler h =
        (proxy, method, args) -> {
          boolean chosen =
              method.getName().equals("executeBatch")
                  && batches.incrementAndGet() == killAfterBatch;
          if (chosen) {
            before.act();
          }
          Object result = invoke(statement, method, args);
          if (chosen && killer != null) {
            seenBeforeKill = probe.look(connection);
            killer.kill(connection);
          }
          return result;
        };
    return (PreparedStatement)
        Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PreparedStatement.class}, h);
  }

  private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return real.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    real.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    real.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return real.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return real.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return real.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return real.isWrapperFor(iface);
  }
}
