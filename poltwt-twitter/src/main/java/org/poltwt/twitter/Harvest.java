package org.poltwt.twitter;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import org.poltwt.event.Window;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Tweet;

/**
 * The lazy walk over a harvest's pages behind {@link XApiTweetSource#harvest}. Before fetching a
 * page it records that page's token, and the newest id handed on so far, as the edition's and
 * query's checkpoint, so the checkpoint always names the first page not yet fully handed on; it
 * clears the checkpoint after the last page. After a page is read it saves the same checkpoint
 * again with the posts read counted, so the count holds what X billed even if the run dies before
 * the page is handed on.
 *
 * <p>With a read budget, each page asks for no more than the budget has left ({@code max_results}
 * is lowered for the last pages), and the run stops, keeping its checkpoint, when fewer than {@link
 * XApiTweetSource#SMALLEST_PAGE} are left. A usage-capped answer stops it the same way.
 */
final class Harvest extends Spliterators.AbstractSpliterator<Tweet> {
  private final XApiTweetSource source;
  private final int edition;
  private final String query;
  private final Window window;
  private final Deque<Tweet> buffer = new ArrayDeque<>();
  private final Set<String> seen = new HashSet<>();
  private XApiTweetSource.Pass pass;
  private boolean resumed;
  private String newestId;
  private boolean finished;
  private int pages;
  private long tweets;
  private long stored;
  private final long postsReadBefore;
  private long postsRead;

  Harvest(
      XApiTweetSource source,
      int edition,
      String query,
      XApiTweetSource.Pass first,
      boolean resumed,
      String newestId,
      long postsReadBefore,
      Window window) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
    this.source = source;
    this.edition = edition;
    this.query = query;
    this.window = window;
    this.pass = first;
    this.resumed = resumed;
    this.newestId = newestId;
    this.postsReadBefore = postsReadBefore;
  }

  @Override
  public boolean tryAdvance(Consumer<? super Tweet> action) {
    while (buffer.isEmpty()) {
      if (finished) {
        return false;
      }
      fetchNext();
    }
    action.accept(buffer.poll());
    return true;
  }

  private void fetchNext() {
    if (pass == null) {
      source.checkpoints().clear(edition, query);
      finished = true;
      report(HarvestProgress.Event.FINISHED, null, null);
      return;
    }
    XApiTweetSource.Pass current = pass;
    source.checkpoints().save(current.checkpoint(edition, query, newestId, countedInAll()));
    int pageSize = source.maxResults();
    OptionalLong budget = source.maxPosts();
    if (budget.isPresent()) {
      long left = budget.getAsLong() - postsRead;
      if (left < XApiTweetSource.SMALLEST_PAGE) {
        stop(HarvestProgress.Event.BUDGET_REACHED);
        return;
      }
      pageSize = (int) Math.min(pageSize, left);
    }
    SearchPage page;
    try {
      page =
          source.fetch(
              query,
              current,
              pageSize,
              (until, left) -> report(HarvestProgress.Event.WAITING, until, left));
    } catch (XApiException e) {
      if (e.reason() == XApiException.Reason.USAGE_CAPPED) {
        stop(HarvestProgress.Event.USAGE_CAPPED);
        return;
      }
      throw e;
    }
    pages++;
    // X bills every post a page holds, a repeat of an earlier page's too.
    postsRead += page.tweets().size();
    if (!page.tweets().isEmpty()) {
      source.checkpoints().save(current.checkpoint(edition, query, newestId, countedInAll()));
    }
    TweetStore store = source.store();
    for (Tweet t : page.tweets()) {
      if (seen.add(t.id())) {
        tweets++;
        if (store != null && store.upsert(edition, t)) {
          stored++;
        }
        buffer.add(t);
        if (newestId == null || newer(t.id(), newestId)) {
          newestId = t.id();
        }
      }
    }
    if (!page.problems().isEmpty()) {
      source.listener().onProblems(new HarvestProblems(edition, pages, page.problems()));
    }
    report(HarvestProgress.Event.PAGE, null, null);
    if (page.nextToken() != null) {
      pass = current.next(page.nextToken());
    } else if (resumed && (store != null || newestId != null)) {
      // The resumed pass is complete: now ask for what is newer than everything stored (or, without
      // a store, than everything the harvest has handed on).
      resumed = false;
      pass = source.freshPass(edition, window, newestId);
    } else {
      pass = null;
    }
  }

  /** Ends the run early: its checkpoint, saved before the page it did not fetch, stays. */
  private void stop(HarvestProgress.Event why) {
    finished = true;
    report(why, null, null);
  }

  private long countedInAll() {
    return postsReadBefore + postsRead;
  }

  /** Whether one decimal tweet id is numerically greater than another. */
  private static boolean newer(String id, String than) {
    return id.length() != than.length() ? id.length() > than.length() : id.compareTo(than) > 0;
  }

  private void report(HarvestProgress.Event event, Instant until, Duration left) {
    source
        .listener()
        .onProgress(
            new HarvestProgress(
                edition,
                event,
                pages,
                tweets,
                stored,
                postsRead,
                source.maxPosts(),
                source.client().rateLimit(Endpoint.SEARCH_RECENT),
                Optional.ofNullable(until),
                Optional.ofNullable(left)));
  }
}
