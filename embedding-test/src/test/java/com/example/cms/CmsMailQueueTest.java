package com.example.cms;

import java.util.List;
import org.poltwt.spi.Mail;
import org.poltwt.spi.Mailer;
import org.poltwt.test.MailerContract;

/** The CMS certifies its own mailer with poltwt-test's contract, from the published jars. */
class CmsMailQueueTest extends MailerContract {
  private CmsMailQueue queue;

  @Override
  protected Mailer newMailer() {
    queue = new CmsMailQueue();
    return queue;
  }

  @Override
  protected List<Mail> delivered() {
    return queue == null ? List.of() : queue.queued();
  }

  @Override
  protected Mailer newUndeliverableMailer() {
    CmsMailQueue paused = (CmsMailQueue) mailer();
    paused.pause();
    return paused;
  }
}
