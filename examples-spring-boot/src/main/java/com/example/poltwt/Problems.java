package com.example.poltwt;

import java.util.List;

/**
 * The body of every 4xx answer: the fields that failed and why, never the values sent (an email
 * address is personal data, and an error body may be logged or cached).
 *
 * @param errors one entry per field
 */
record Problems(List<FieldProblem> errors) {
  /**
   * One field's problem.
   *
   * @param field the field's name, such as {@code email}
   * @param reason why it was refused
   */
  record FieldProblem(String field, String reason) {}

  static Problems of(String field, String reason) {
    return new Problems(List.of(new FieldProblem(field, reason)));
  }
}
