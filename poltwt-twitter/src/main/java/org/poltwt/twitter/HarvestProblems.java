package org.poltwt.twitter;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.poltwt.tweet.io.ApiProblem;

/**
 * The problems X reported beside the tweets of one harvested page, as a {@link HarvestListener}
 * hears them: each item of the page's {@code errors} array (a user not found or suspended, a
 * referenced post withheld or deleted), in order. The page's tweets were harvested all the same. A
 * problem's {@code value} or {@code resource_id} may be a handle or a post's id, which are public;
 * it never holds an email address.
 *
 * @param edition the edition's number
 * @param page which page of this harvest, counted from 1, as {@link HarvestProgress#pages()} counts
 * @param problems the page's problems, at least one
 */
public record HarvestProblems(int edition, int page, List<ApiProblem> problems) {

  /**
   * Validates the report.
   *
   * @param edition the edition's number
   * @param page the page, at least 1
   * @param problems the problems, not empty; copied
   * @throws IllegalArgumentException if {@code page} is less than 1 or there is no problem
   * @throws NullPointerException if {@code problems} is or holds null
   */
  public HarvestProblems {
    if (page < 1) {
      throw new IllegalArgumentException("page: must be at least 1 (" + page + ")");
    }
    problems = List.copyOf(requireNonNull(problems, "problems"));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("problems: must not be empty");
    }
  }
}
