package org.poltwt.examples.site;

import com.ibm.icu.number.LocalizedNumberFormatter;
import com.ibm.icu.number.NumberFormatter;
import com.ibm.icu.util.MeasureUnit;
import java.util.Locale;
import org.poltwt.examples.site.view.LiveData;
import org.poltwt.live.BoardState;

/**
 * The live board's counters as its page first shows them, formatted as its script formats every
 * event's: {@code Intl.NumberFormat} in the page's language. ICU's formatter is the one browsers
 * use, so the first paint and the first event agree on grouping (German 1.234, Spanish 1234 but
 * 12.345), on digits and on the percent sign's spacing and direction marks; the JDK's own formats
 * differ on several of these (it groups Spanish thousands and writes Arabic-Indic digits for
 * Arabic, where CLDR's current data, and so the browsers, write 1,234).
 */
final class LiveNumbers {
  private LiveNumbers() {}

  /**
   * The counters of a state, formatted.
   *
   * @param locale the page's language, as its {@code lang} names it
   * @param s the state
   * @return the texts; the compliant share is empty before any post
   */
  static LiveData.Shown of(Locale locale, BoardState s) {
    LocalizedNumberFormatter n = NumberFormatter.withLocale(locale);
    String compliant =
        s.compliantShare().isPresent()
            ? n.unit(MeasureUnit.PERCENT)
                .format(Math.round(s.compliantShare().getAsDouble() * 100))
                .toString()
            : "";
    return new LiveData.Shown(
        n.format(s.zonesLive()).toString(),
        n.format(s.participantsLive()).toString(),
        n.format(s.participants()).toString(),
        n.format(s.postsLastMinute()).toString(),
        n.format(s.postsTotal()).toString(),
        compliant,
        n.format(s.postsHidden()).toString());
  }
}
