package org.poltwt.examples.site.view;

import static java.util.Objects.requireNonNull;

import java.util.Map;

/**
 * What a form shows: the values typed, and the error of each field that has one. Ids are the form's
 * name and the field's, so that two forms on one page (officer and agency sign-up) do not clash.
 *
 * @param form the form's name, the prefix of its field ids
 * @param values the values by field name
 * @param errors the errors by field name, in the order the summary lists them
 */
public record FormState(String form, Map<String, String> values, Map<String, Msg> errors) {
  /**
   * Checks the parts; the maps are kept as given, so their order is the summary's.
   *
   * @param form the form's name
   * @param values the values
   * @param errors the errors
   */
  public FormState {
    requireNonNull(form, "form");
    requireNonNull(values, "values");
    requireNonNull(errors, "errors");
  }

  /**
   * An empty form.
   *
   * @param form the form's name
   * @return a form with no values and no errors
   */
  public static FormState empty(String form) {
    return new FormState(form, Map.of(), Map.of());
  }

  /**
   * An empty form with one field filled in, or an empty form when the value is empty.
   *
   * @param form the form's name
   * @param name the field
   * @param value its value
   * @return the form
   */
  public static FormState of(String form, String name, String value) {
    return value.isEmpty() ? empty(form) : new FormState(form, Map.of(name, value), Map.of());
  }

  /**
   * The value of a field.
   *
   * @param name the field
   * @return the value typed, or the empty string
   */
  public String value(String name) {
    return values.getOrDefault(name, "");
  }

  /**
   * The error of a field.
   *
   * @param name the field
   * @return the error, or null if the field has none
   */
  public Msg error(String name) {
    return errors.get(name);
  }

  /**
   * The element id of a field.
   *
   * @param name the field
   * @return {@code form-name}
   */
  public String id(String name) {
    return form + "-" + name;
  }

  /**
   * What a field's {@code aria-describedby} names: its hint and its error, those it has.
   *
   * @param name the field
   * @param hasHint whether the field shows a hint
   * @return the ids separated by a space, or null for none (the attribute is then left out)
   */
  public String describedBy(String name, boolean hasHint) {
    String id = id(name);
    boolean hasError = errors.containsKey(name);
    String ids =
        (hasHint ? id + "-hint" : "") + (hasError ? (hasHint ? " " : "") + id + "-error" : "");
    return ids.isEmpty() ? null : ids;
  }
}
