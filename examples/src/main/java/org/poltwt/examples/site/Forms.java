package org.poltwt.examples.site;

import java.util.List;
import java.util.Map;

/**
 * Form fields with their label, hint and error, wired for assistive technology: the error and hint
 * are named by {@code aria-describedby} and a field in error is {@code aria-invalid}.
 */
final class Forms {
  /** What a form shows: the values typed, and the errors by field. */
  record State(String form, Map<String, String> values, Map<String, String> errors) {
    String value(String name) {
      return values.getOrDefault(name, "");
    }

    String error(String name) {
      return errors.get(name);
    }

    String id(String name) {
      return form + "-" + name;
    }
  }

  /** An option of a select or radio group. */
  record Option(String value, String label) {}

  private Forms() {}

  static Html input(State s, String name, String label, String type, String hint, boolean required,
      String autocomplete, String... extra) {
    String id = s.id(name);
    String error = s.error(name);
    String[] attrs = {"type", type, "id", id, "name", name, "value", s.value(name),
        "required", required ? "" : null, "autocomplete", autocomplete,
        "aria-invalid", error == null ? null : "true", "aria-describedby", describedBy(id, hint, error)};
    String[] all = new String[attrs.length + extra.length];
    System.arraycopy(attrs, 0, all, 0, attrs.length);
    System.arraycopy(extra, 0, all, attrs.length, extra.length);
    return field(s, name, label, hint, required, Html.of().open("input", all));
  }

  static Html textarea(State s, String name, String label, String hint, int rows) {
    String id = s.id(name);
    String error = s.error(name);
    return field(s, name, label, hint, true, Html.of().tag("textarea", s.value(name), "id", id, "name", name,
        "rows", Integer.toString(rows), "required", "", "aria-invalid", error == null ? null : "true",
        "aria-describedby", describedBy(id, hint, error)));
  }

  static Html select(State s, String name, String label, String hint, List<Option> options, boolean required,
      String... extra) {
    String id = s.id(name);
    String error = s.error(name);
    String[] attrs = {"id", id, "name", name, "required", required ? "" : null,
        "aria-invalid", error == null ? null : "true", "aria-describedby", describedBy(id, hint, error)};
    String[] all = new String[attrs.length + extra.length];
    System.arraycopy(attrs, 0, all, 0, attrs.length);
    System.arraycopy(extra, 0, all, attrs.length, extra.length);
    Html sel = Html.of().open("select", all);
    String chosen = s.value(name);
    for (Option o : options) {
      sel.tag("option", o.label(), "value", o.value(), "selected", o.value().equals(chosen) ? "" : null);
    }
    sel.close("select");
    return field(s, name, label, hint, required, sel);
  }

  static Html checkbox(State s, String name, String label, String hint) {
    String id = s.id(name);
    String error = s.error(name);
    Html h = Html.of().open("div", "class", "field checkbox")
        .open("input", "type", "checkbox", "id", id, "name", name, "value", "on",
            "checked", "on".equals(s.value(name)) ? "" : null, "aria-invalid", error == null ? null : "true",
            "aria-describedby", describedBy(id, hint, error))
        .tag("label", label, "for", id);
    return h.add(messages(id, hint, error)).close("div");
  }

  static Html radios(State s, String name, String legend, List<Option> options) {
    String id = s.id(name);
    String error = s.error(name);
    Html h = Html.of().open("fieldset", "class", "field", "aria-describedby", error == null ? null : id + "-error")
        .tag("legend", Html.of().text(legend).add(requiredMark()));
    String chosen = s.value(name);
    int i = 0;
    for (Option o : options) {
      String oid = id + "-" + i++;
      h.open("div", "class", "radio")
          .open("input", "type", "radio", "id", oid, "name", name, "value", o.value(), "required", "",
              "checked", o.value().equals(chosen) ? "" : null)
          .tag("label", o.label(), "for", oid).close("div");
    }
    return h.add(messages(id, null, error)).close("fieldset");
  }

  private static Html field(State s, String name, String label, String hint, boolean required, Html control) {
    String id = s.id(name);
    Html h = Html.of().open("div", "class", s.error(name) == null ? "field" : "field has-error")
        .tag("label", Html.of().text(label).add(required ? requiredMark() : null), "for", id);
    return h.add(control).add(messages(id, hint, s.error(name))).close("div");
  }

  private static Html requiredMark() {
    return Html.of().tag("span", " (required)", "class", "required");
  }

  private static Html messages(String id, String hint, String error) {
    Html h = Html.of();
    if (hint != null) {
      h.tag("p", hint, "class", "hint", "id", id + "-hint");
    }
    if (error != null) {
      h.tag("p", "Error: " + error, "class", "error", "id", id + "-error");
    }
    return h;
  }

  private static String describedBy(String id, String hint, String error) {
    String ids = (hint == null ? "" : id + "-hint") + (error == null ? "" : (hint == null ? "" : " ") + id + "-error");
    return ids.isEmpty() ? null : ids;
  }
}
