package org.poltwt.examples.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HtmlTest {
  @Test
  void textAndAttributeValuesAreEscaped() {
    String html =
        Html.of().tag("p", "<script>\"x\" & 'y'</script>", "title", "\"><img src=x>").toString();

    assertThat(html)
        .isEqualTo(
            "<p title=\"&quot;&gt;&lt;img src=x&gt;\">&lt;script&gt;&quot;x&quot; &amp; "
                + "&#39;y&#39;&lt;/script&gt;</p>");
  }

  @Test
  void booleanAttributesAndMissingValues() {
    assertThat(Html.of().open("input", "required", "", "value", "", "checked", null).toString())
        .isEqualTo("<input required value=\"\">");
  }

  @Test
  void tagAndAttributeNamesMustBeConstants() {
    assertThatThrownBy(() -> Html.of().open("p onclick=alert(1)"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Html.of().open("p", "on click", "x"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
