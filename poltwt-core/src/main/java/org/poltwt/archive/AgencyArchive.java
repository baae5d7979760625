package org.poltwt.archive;

import static java.nio.charset.StandardCharsets.UTF_8;
import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.poltwt.event.Edition;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.spi.TweetLookup;
import org.poltwt.spi.TweetQuery;
import org.poltwt.spi.TweetStore;
import org.poltwt.tweet.Tweet;
import org.poltwt.tweet.io.TweetWriter;

/**
 * One account's posts of an edition, as the public-records copy an agency keeps: the posts, the
 * instant they were captured and, when the platform was asked ({@link #checked}), whether each was
 * edited later or is no longer returned. Without asking ({@link #unchecked}) every post is {@link
 * PostStatus#NOT_CHECKED} and the archive says so: it never calls a post current without asking.
 *
 * <pre>{@code
 * List<Tweet> posts = AgencyArchive.postsOf(tweetStore, 5, TwitterHandle.of("PoliciaMadrid"));
 * AgencyArchive archive = AgencyArchive.checked(edition, handle, posts, xApiLookup, clock);
 * for (ArchiveFile f : archive.files()) {
 *   Files.write(directory.resolve(f.name()), f.content());
 * }
 * }</pre>
 *
 * <p>The files ({@link #files()}):
 *
 * <ul>
 *   <li>{@code poltwt-<edition>-<handle>.jsonl} ({@link #writeJsonLines}): one post per line, each
 *       line the X API v2 tweet object {@link TweetWriter} writes (so {@link
 *       org.poltwt.tweet.io.TweetReader} reads the file back into the same posts, ignoring the
 *       rest) with one more member, {@code "poltwt_archive":{"captured_at":"2015-06-07T10:00:00Z",
 *       "status":"edited_later","latest_version_id":"..."}}: the capture instant (UTC, ISO-8601),
 *       the {@linkplain PostStatus#jsonName() status}, and for an edited post the id of its latest
 *       version;
 *   <li>{@code poltwt-<edition>-<handle>.html} ({@link #writeHtml}): a page that needs nothing else
 *       (its style inline, no script, nothing fetched; the only links are each post's own on
 *       x.com), that prints as it shows, with the account, the edition and its date, the capture
 *       instant and, per post, its time, text, hashtags and status. Every text is HTML-escaped;
 *   <li>{@value #CHECKSUMS}: the SHA-256 of both, in the format {@code sha256sum -c} checks.
 * </ul>
 *
 * <p>Posts are in order of creation time, then id. The handle is in lower case in the file names.
 *
 * @param edition the edition
 * @param handle the account
 * @param capturedAt when the posts were captured (and the platform asked, when it was)
 * @param statusChecked whether the platform was asked about each post
 * @param posts the posts
 */
public record AgencyArchive(
    Edition edition,
    TwitterHandle handle,
    Instant capturedAt,
    boolean statusChecked,
    List<ArchivedPost> posts) {

  /** The name of the checksum manifest. */
  public static final String CHECKSUMS = "SHA256SUMS";

  private static final int PAGE = 1000;
  private static final Comparator<Tweet> BY_TIME =
      Comparator.comparing(Tweet::createdAt)
          .thenComparingInt(t -> t.id().length())
          .thenComparing(Tweet::id);

  /**
   * Validates the archive and orders its posts by creation time, then id.
   *
   * @param edition the edition
   * @param handle the account
   * @param capturedAt the capture instant
   * @param statusChecked whether the platform was asked
   * @param posts the posts
   * @throws IllegalArgumentException if a post's status is {@link PostStatus#NOT_CHECKED} in a
   *     checked archive or another in an unchecked one, a post is by another handle, or two posts
   *     have one id
   */
  public AgencyArchive {
    requireNonNull(edition, "edition");
    requireNonNull(handle, "handle");
    requireNonNull(capturedAt, "capturedAt");
    List<ArchivedPost> sorted = new ArrayList<>(requireNonNull(posts, "posts"));
    Set<String> ids = new LinkedHashSet<>();
    for (ArchivedPost p : sorted) {
      requireNonNull(p, "posts[]");
      if ((p.status() == PostStatus.NOT_CHECKED) == statusChecked) {
        throw new IllegalArgumentException(
            "posts: "
                + (statusChecked
                    ? "a checked archive has no NOT_CHECKED post"
                    : "an unchecked archive has only NOT_CHECKED posts"));
      }
      if (p.tweet().authorHandle().isPresent() && !p.tweet().authorHandle().get().equals(handle)) {
        throw new IllegalArgumentException(
            "posts: post " + p.tweet().id() + " is by another account");
      }
      if (!ids.add(p.tweet().id())) {
        throw new IllegalArgumentException("posts: post " + p.tweet().id() + " is given twice");
      }
    }
    sorted.sort(Comparator.comparing(ArchivedPost::tweet, BY_TIME));
    posts = List.copyOf(sorted);
  }

  /**
   * An archive of posts whose status was not asked: every post {@link PostStatus#NOT_CHECKED}.
   *
   * @param edition the edition
   * @param handle the account
   * @param posts its posts of the edition
   * @param clock gives the capture instant
   * @return the archive
   * @throws IllegalArgumentException if a post is by another handle or given twice
   */
  public static AgencyArchive unchecked(
      Edition edition, TwitterHandle handle, Collection<Tweet> posts, Clock clock) {
    requireNonNull(posts, "posts");
    requireNonNull(clock, "clock");
    List<ArchivedPost> archived = new ArrayList<>(posts.size());
    for (Tweet t : posts) {
      archived.add(ArchivedPost.of(t, PostStatus.NOT_CHECKED));
    }
    return new AgencyArchive(edition, handle, clock.instant(), false, archived);
  }

  /**
   * An archive of posts whose status is asked of the platform now. A post the lookup does not
   * return is {@link PostStatus#NO_LONGER_RETURNED}; one whose returned edit history ends in
   * another id (the platform lists versions oldest first) is {@link PostStatus#EDITED_LATER} with
   * that id; any other is {@link PostStatus#CURRENT}.
   *
   * @param edition the edition
   * @param handle the account
   * @param posts its posts of the edition
   * @param lookup the platform
   * @param clock gives the capture instant, read just before the platform is asked
   * @return the archive
   * @throws IllegalArgumentException if a post is by another handle or given twice
   * @throws org.poltwt.PoltwtException if the platform could not be asked
   */
  public static AgencyArchive checked(
      Edition edition,
      TwitterHandle handle,
      Collection<Tweet> posts,
      TweetLookup lookup,
      Clock clock) {
    requireNonNull(posts, "posts");
    requireNonNull(lookup, "lookup");
    requireNonNull(clock, "clock");
    Instant captured = clock.instant();
    List<String> ids = new ArrayList<>(posts.size());
    for (Tweet t : posts) {
      ids.add(t.id());
    }
    Map<String, Tweet> returned = ids.isEmpty() ? Map.of() : lookup.lookup(ids);
    List<ArchivedPost> archived = new ArrayList<>(posts.size());
    for (Tweet t : posts) {
      Tweet now = returned.get(t.id());
      if (now == null) {
        archived.add(ArchivedPost.of(t, PostStatus.NO_LONGER_RETURNED));
      } else if (now.edited()
          && !now.editHistory().get(now.editHistory().size() - 1).equals(t.id())) {
        archived.add(
            ArchivedPost.editedLater(t, now.editHistory().get(now.editHistory().size() - 1)));
      } else {
        archived.add(ArchivedPost.of(t, PostStatus.CURRENT));
      }
    }
    return new AgencyArchive(edition, handle, captured, true, archived);
  }

  /**
   * Finds an account's posts of an edition in a tweet store: the posts that carry the handle, and
   * every other post by the account ids those posts name (a post stored without its author's
   * handle). Reads the edition's posts a page at a time.
   *
   * @param store the store
   * @param edition the edition's number
   * @param handle the account
   * @return the posts, in the store's order
   */
  public static List<Tweet> postsOf(TweetStore store, int edition, TwitterHandle handle) {
    requireNonNull(store, "store");
    requireNonNull(handle, "handle");
    TweetQuery all = TweetQuery.of(edition);
    Set<String> authorIds = new LinkedHashSet<>();
    Map<String, Tweet> found = new LinkedHashMap<>();
    for (int offset = 0; ; offset += PAGE) {
      List<Tweet> page = store.list(all, offset, PAGE);
      for (Tweet t : page) {
        if (t.authorHandle().isPresent() && t.authorHandle().get().equals(handle)) {
          authorIds.add(t.authorId());
          found.put(t.id(), t);
        }
      }
      if (page.size() < PAGE) {
        break;
      }
    }
    for (String author : authorIds) {
      TweetQuery byAuthor = all.byAuthor(author);
      for (int offset = 0; ; offset += PAGE) {
        List<Tweet> page = store.list(byAuthor, offset, PAGE);
        for (Tweet t : page) {
          if (t.authorHandle().isEmpty()) {
            found.putIfAbsent(t.id(), t);
          }
        }
        if (page.size() < PAGE) {
          break;
        }
      }
    }
    List<Tweet> posts = new ArrayList<>(found.values());
    posts.sort(BY_TIME);
    return posts;
  }

  /**
   * The archive's files: the JSON Lines, the HTML page and the {@value #CHECKSUMS} manifest of
   * both, in that order.
   *
   * @return the three files
   */
  public List<ArchiveFile> files() {
    return files(Locale.ENGLISH);
  }

  /**
   * The archive's files, the HTML page's words in a language (English when poltwt has none for it);
   * the JSON Lines and the manifest do not depend on it.
   *
   * @param language the page's language, usually the agency's
   * @return the three files
   */
  public List<ArchiveFile> files(Locale language) {
    requireNonNull(language, "language");
    ByteArrayOutputStream jsonl = new ByteArrayOutputStream();
    writeJsonLines(jsonl);
    ByteArrayOutputStream html = new ByteArrayOutputStream();
    writeHtml(html, language);
    ArchiveFile lines = new ArchiveFile(baseName() + ".jsonl", jsonl.toByteArray());
    ArchiveFile page = new ArchiveFile(baseName() + ".html", html.toByteArray());
    String sums =
        lines.sha256() + "  " + lines.name() + "\n" + page.sha256() + "  " + page.name() + "\n";
    return List.of(lines, page, new ArchiveFile(CHECKSUMS, sums.getBytes(UTF_8)));
  }

  /**
   * The name the archive's files share before their extension.
   *
   * @return for example {@code poltwt-5-policiamadrid}
   */
  public String baseName() {
    return "poltwt-" + edition.number() + "-" + handle.normalized();
  }

  /**
   * Writes the posts as JSON Lines in UTF-8, as the class describes.
   *
   * @param out the target; the caller keeps ownership and closes it
   * @throws UncheckedIOException if writing fails
   */
  public void writeJsonLines(OutputStream out) {
    requireNonNull(out, "out");
    String captured = DateTimeFormatter.ISO_INSTANT.format(capturedAt);
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    try (TweetWriter writer = TweetWriter.of(line)) {
      for (ArchivedPost p : posts) {
        line.reset();
        writer.write(p.tweet());
        writer.flush();
        byte[] object = line.toByteArray();
        // TweetWriter ends each object with "}\n"; the archive's member goes before that brace.
        // Its values are an ISO instant, a lower-case word and digits: nothing to escape.
        out.write(object, 0, object.length - 2);
        StringBuilder member =
            new StringBuilder(",\"poltwt_archive\":{\"captured_at\":\"")
                .append(captured)
                .append("\",\"status\":\"")
                .append(p.status().jsonName())
                .append('"');
        p.latestVersionId()
            .ifPresent(id -> member.append(",\"latest_version_id\":\"").append(id).append('"'));
        member.append("}}\n");
        out.write(member.toString().getBytes(UTF_8));
      }
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes the archive as one self-contained HTML page in UTF-8, as the class describes; its words
   * are English, from the bundle {@code org.poltwt.archive.messages}.
   *
   * @param out the target; the caller keeps ownership and closes it
   * @throws UncheckedIOException if writing fails
   */
  public void writeHtml(OutputStream out) {
    writeHtml(out, Locale.ENGLISH);
  }

  /**
   * Writes the HTML page with its words in a language, from {@code
   * org.poltwt.archive.messages_<language>} (English when there is none); Arabic pages read right
   * to left.
   *
   * @param out the target; the caller keeps ownership and closes it
   * @param language the page's language
   * @throws UncheckedIOException if writing fails
   */
  public void writeHtml(OutputStream out, Locale language) {
    requireNonNull(out, "out");
    requireNonNull(language, "language");
    try {
      out.write(ArchivePage.render(this, language).getBytes(UTF_8));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Describes the archive without the account or its posts' texts.
   *
   * @return for example {@code AgencyArchive[edition=5, capturedAt=..., statusChecked=true,
   *     posts=12]}
   */
  @Override
  public String toString() {
    return "AgencyArchive[edition="
        + edition.number()
        + ", capturedAt="
        + capturedAt
        + ", statusChecked="
        + statusChecked
        + ", posts="
        + posts.size()
        + "]";
  }
}
