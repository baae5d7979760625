package org.poltwt.spi.memory;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.poltwt.PoltwtException;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.test.MailerContract;

class InMemoryMailerTest extends MailerContract {
  private final InMemoryMailer outbox = new InMemoryMailer();

  @Override
  protected Mailer newMailer() {
    return outbox;
  }

  @Override
  protected List<Mail> delivered() {
    return outbox.sent();
  }

  @Override
  protected Mailer newUndeliverableMailer() {
    outbox.failNext(Integer.MAX_VALUE);
    return outbox;
  }

  private static Mail mailTo(String to, String subject) {
    return new Mail(to, subject, "body of " + subject);
  }

  @Test
  void sentIsAnImmutableSnapshot() {
    outbox.send(mailTo("a@police.gov", "one"));
    List<Mail> before = outbox.sent();
    outbox.send(mailTo("a@police.gov", "two"));

    assertThat(before).extracting(Mail::subject).containsExactly("one");
    assertThatThrownBy(() -> before.add(mailTo("b@police.gov", "x")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void sentToPicksOneRecipientIgnoringCase() {
    outbox.send(mailTo("a@police.gov", "one"));
    outbox.send(mailTo("b@police.gov", "two"));
    outbox.send(mailTo("A@Police.gov", "three"));

    assertThat(outbox.sentTo("a@police.gov"))
        .extracting(Mail::subject)
        .containsExactly("one", "three");
    assertThat(outbox.sentTo("c@police.gov")).isEmpty();
  }

  @Test
  void clearForgetsSentMail() {
    outbox.send(mailTo("a@police.gov", "one"));

    outbox.clear();

    assertThat(outbox.sent()).isEmpty();
    assertThat(outbox.sentTo("a@police.gov")).isEmpty();
  }

  @Test
  void failNextFailsThatManySendsThenRecovers() {
    outbox.failNext(2);

    for (int i = 0; i < 2; i++) {
      assertThatExceptionOfType(PoltwtException.class)
          .isThrownBy(() -> outbox.send(mailTo("a@police.gov", "try")))
          .satisfies(e -> assertThat(e.code()).isEqualTo("mail.failed"))
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("a@police.gov"));
    }
    outbox.send(mailTo("a@police.gov", "try"));

    assertThat(outbox.sent()).hasSize(1);
  }

  @Test
  void failNextReplacesPendingFailuresAndZeroCancelsThem() {
    outbox.failNext(5);
    outbox.failNext(1);
    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> outbox.send(mailTo("a@police.gov", "x")));
    outbox.send(mailTo("a@police.gov", "sent"));

    outbox.failNext(3);
    outbox.failNext(0);
    outbox.send(mailTo("a@police.gov", "also sent"));

    assertThat(outbox.sent()).extracting(Mail::subject).containsExactly("sent", "also sent");
  }

  @Test
  void clearKeepsPendingFailures() {
    outbox.failNext(1);
    outbox.clear();

    assertThatExceptionOfType(PoltwtException.class)
        .isThrownBy(() -> outbox.send(mailTo("a@police.gov", "x")));
  }

  @Test
  void failNextRejectsANegativeCount() {
    assertThatIllegalArgumentException().isThrownBy(() -> outbox.failNext(-1));
  }

  @Test
  void concurrentSendsAreAllKept() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int t = 0; t < 8; t++) {
        String to = "t" + t + "@police.gov";
        pool.submit(
            () -> {
              for (int i = 0; i < 250; i++) {
                outbox.send(mailTo(to, "n" + i));
              }
            });
      }
      pool.shutdown();
      assertThat(pool.awaitTermination(30, SECONDS)).isTrue();
    } finally {
      pool.shutdownNow();
    }

    assertThat(outbox.sent()).hasSize(2_000);
    assertThat(outbox.sentTo("t3@police.gov"))
        .extracting(Mail::subject)
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 250).mapToObj(i -> "n" + i).toList());
  }
}
