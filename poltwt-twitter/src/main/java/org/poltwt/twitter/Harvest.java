package org.poltwt.twitter;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
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
 * clears the checkpoint after the last page.
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

  Harvest(
      XApiTweetSource source,
      int edition,
      String query,
      XApiTweetSource.Pass first,
      boolean resumed,
      String newestId,
      Window window) {
    super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL | Spliterator.DISTINCT);
    this.source = source;
    this.edition = edition;
    this.query = query;
    this.window = window;
    this.pass = first;
    this.resumed = resumed;
    this.newestId = newestId;
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
      report(HarvestProgress.Event.FINISHED, null);
      return;
    }
    XApiTweetSource.Pass current = pass;
    source.checkpoints().save(current.checkpoint(edition, query, newestId));
    SearchPage page =
        source.fetch(query, current, until -> report(HarvestProgress.Event.WAITING, until));
    pages++;
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
    report(HarvestProgress.Event.PAGE, null);
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

  /** Whether one decimal tweet id is numerically greater than another. */
  private static boolean newer(String id, String than) {
    return id.length() != than.length() ? id.length() > than.length() : id.compareTo(than) > 0;
  }

  private void report(HarvestProgress.Event event, Instant until) {
    source
        .listener()
        .onProgress(
            new HarvestProgress(
                edition,
                event,
                pages,
                tweets,
                stored,
                source.client().rateLimit(Endpoint.SEARCH_RECENT),
                Optional.ofNullable(until)));
  }
}
