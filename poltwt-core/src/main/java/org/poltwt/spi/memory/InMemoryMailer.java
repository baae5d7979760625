package org.poltwt.spi.memory;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;

/**
 * A {@link Mailer} that keeps every message it is given, in order, for tests and demos to read;
 * nothing leaves the process. It can be told to fail the next few sends, to test retries.
 * Thread-safe.
 */
public final class InMemoryMailer implements Mailer {
  private final Object lock = new Object();
  private final List<Mail> sent = new ArrayList<>();
  private int failuresLeft;

  /** Creates a mailer that has sent nothing and fails nothing. */
  public InMemoryMailer() {}

  /**
   * Keeps the message, or fails if a failure is pending (see {@link #failNext(int)}); a failed
   * message is not kept.
   *
   * @param mail the message
   * @throws NullPointerException if {@code mail} is null
   * @throws PoltwtException (code {@value Mailer#FAILED}) if a simulated failure was pending
   */
  @Override
  public void send(Mail mail) {
    requireNonNull(mail, "mail");
    synchronized (lock) {
      if (failuresLeft > 0) {
        failuresLeft--;
        throw new PoltwtException(
            Mailer.FAILED, "mail could not be handed over (simulated failure)");
      }
      sent.add(mail);
    }
  }

  /**
   * Makes the next {@code n} sends fail with a {@link PoltwtException} of code {@value
   * Mailer#FAILED}, replacing any failures still pending; {@code failNext(0)} cancels them.
   *
   * @param n how many sends should fail, at least 0
   * @throws IllegalArgumentException if {@code n} is negative
   */
  public void failNext(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("n: must be at least 0 (was " + n + ")");
    }
    synchronized (lock) {
      failuresLeft = n;
    }
  }

  /**
   * Returns the messages sent so far.
   *
   * @return an immutable snapshot, in the order they were sent
   */
  public List<Mail> sent() {
    synchronized (lock) {
      return List.copyOf(sent);
    }
  }

  /**
   * Returns the messages sent to one address. Addresses compare ignoring case, as mail systems
   * treat them in practice.
   *
   * @param address the recipient's address
   * @return an immutable snapshot, in the order they were sent
   * @throws NullPointerException if {@code address} is null
   */
  public List<Mail> sentTo(String address) {
    requireNonNull(address, "address");
    synchronized (lock) {
      return sent.stream().filter(m -> m.to().equalsIgnoreCase(address)).toList();
    }
  }

  /** Forgets every message sent so far. Pending failures stay pending. */
  public void clear() {
    synchronized (lock) {
      sent.clear();
    }
  }
}
