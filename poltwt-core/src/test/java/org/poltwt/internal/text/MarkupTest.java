package org.poltwt.internal.text;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class MarkupTest {
  @Test
  void unescapesOnlyTheThreeEntitiesXWritesInOnePass() {
    assertThat(Markup.unescapeX("Q&amp;A &lt;3 &gt; &quot;x&quot; &amp;lt; &copy;"))
        .isEqualTo("Q&A <3 > &quot;x&quot; &lt; &copy;");
    String plain = "no entities";
    assertThat(Markup.unescapeX(plain)).isSameAs(plain);
    assertThat(Markup.unescapeX("&amp")).isEqualTo("&amp");
  }

  @Test
  void escapesForHtmlAndXmlAndDropsWhatXmlCannotHold() {
    assertThat(Markup.escape("<script>alert('x')</script> & \"q\""))
        .isEqualTo("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;");
    assertThat(Markup.escape("a\u0000b\u0007c\uFFFEd\tе😀")).isEqualTo("abcd\tе😀");
    assertThat(Markup.escape("lone \uD800 surrogate")).isEqualTo("lone  surrogate");
    String plain = "Kent Police";
    assertThat(Markup.escape(plain)).isSameAs(plain);
  }

  @Property
  void escapedTextHasNoMarkupAndUnescapingXsEntitiesRoundTrips(@ForAll String s) {
    String escaped = Markup.escape(s);
    assertThat(escaped).doesNotContain("<", ">", "\"", "'");
    assertThat(escaped.replaceAll("&(amp|lt|gt|quot|#39);", "")).doesNotContain("&");
    String xEscaped = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    assertThat(Markup.unescapeX(xEscaped)).isEqualTo(s);
  }
}
