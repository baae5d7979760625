package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Options under one heading of a select (an {@code optgroup}): the zones of one country.
 *
 * @param label the heading, shown as it is (data, such as a country's name)
 * @param options the options under it
 */
public record OptionGroup(String label, List<Option> options) {
  /**
   * Copies the options.
   *
   * @param label the heading
   * @param options the options
   */
  public OptionGroup {
    requireNonNull(label, "label");
    options = List.copyOf(options);
  }
}
