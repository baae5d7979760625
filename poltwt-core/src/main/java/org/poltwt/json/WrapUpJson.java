package org.poltwt.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.poltwt.compliance.Violation;
import org.poltwt.registration.TwitterHandle;
import org.poltwt.report.AccountCount;
import org.poltwt.report.ComplianceCounts;
import org.poltwt.report.HourCounts;
import org.poltwt.report.TagCount;
import org.poltwt.report.Tally;
import org.poltwt.report.Totals;
import org.poltwt.report.WrapUp;

/**
 * JSON form of {@link WrapUp}, written only: the edition, the totals, compliance (counts and
 * percentages with one decimal, rounded half up, null when there is nothing to divide by), every
 * language and source app, the tallies per country, agency level and participation model, the top
 * {@value WrapUp#DEFAULT_TOP} accounts and co-occurring hashtags, and the hour counts. Handles and
 * account ids only: no email, no name.
 */
final class WrapUpJson {
  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private WrapUpJson() {}

  static final class Writer extends StdSerializer<WrapUp> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(WrapUp.class);
    }

    @Override
    public void serialize(WrapUp w, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      Totals t = w.totals();
      long tweets = t.tweets();
      g.writeStartObject();
      provider.defaultSerializeField("edition", w.edition(), g);
      provider.defaultSerializeField("globalSpan", w.globalSpan(), g);

      g.writeObjectFieldStart("totals");
      g.writeNumberField("tweets", tweets);
      g.writeNumberField("originals", t.originals());
      g.writeNumberField("retweets", t.retweets());
      g.writeNumberField("quotes", t.quotes());
      g.writeNumberField("replies", t.replies());
      g.writeNumberField("authors", t.authors());
      g.writeNumberField("registeredAuthors", t.registeredAuthors());
      g.writeNumberField("unregisteredAuthors", t.unregisteredAuthors());
      g.writeNumberField("registeredTweets", t.registeredTweets());
      g.writeNumberField("unregisteredTweets", t.unregisteredTweets());
      g.writeNumberField("registeredAccounts", t.registeredAccounts());
      g.writeNumberField("activeAccounts", t.activeAccounts());
      g.writeNumberField("silentAccounts", t.silentAccounts());
      percent(g, "originalsPercent", t.originals(), tweets);
      percent(g, "retweetsPercent", t.retweets(), tweets);
      g.writeEndObject();

      ComplianceCounts c = w.compliance();
      g.writeObjectFieldStart("compliance");
      g.writeNumberField("tweets", c.tweets());
      g.writeNumberField("carryingHashtag", c.carryingHashtag());
      g.writeNumberField("exemptFromHashtag", c.exemptFromHashtag());
      g.writeNumberField("insideWindow", c.insideWindow());
      g.writeNumberField("compliant", c.compliant());
      g.writeNumberField("theme", c.theme());
      percent(g, "carryingHashtagPercent", c.carryingHashtag(), tweets);
      percent(g, "exemptFromHashtagPercent", c.exemptFromHashtag(), tweets);
      percent(g, "insideWindowPercent", c.insideWindow(), tweets);
      percent(g, "compliantPercent", c.compliant(), tweets);
      percent(g, "themePercent", c.theme(), tweets);
      g.writeObjectFieldStart("violations");
      for (Map.Entry<Violation.Code, Long> v : c.violations().entrySet()) {
        g.writeNumberField(v.getKey().name(), v.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();

      counts(g, "languages", w.languages());
      counts(g, "sources", w.sources());
      g.writeNumberField("sourcesNotProvided", w.sourcesNotProvided());
      g.writeNumberField("olderVersions", w.olderVersions());
      tallies(g, "countries", w.countries());
      tallies(g, "agencyLevels", w.agencyLevels());
      tallies(g, "participationModels", w.participationModels());

      g.writeArrayFieldStart("topAccounts");
      for (AccountCount a : w.topAccounts(WrapUp.DEFAULT_TOP)) {
        g.writeStartObject();
        g.writeStringField("handle", a.handle().map(TwitterHandle::value).orElse(null));
        g.writeStringField("authorId", a.authorId());
        g.writeBooleanField("registered", a.registered());
        g.writeNumberField("tweets", a.tweets());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("accounts", w.accounts().size());

      g.writeArrayFieldStart("topHashtags");
      for (TagCount tag : w.topHashtags(WrapUp.DEFAULT_TOP)) {
        g.writeStartObject();
        g.writeStringField("tag", tag.tag());
        g.writeNumberField("tweets", tag.tweets());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeNumberField("hashtags", w.hashtags().size());

      HourCounts h = w.utcHours();
      g.writeObjectFieldStart("utcHours");
      g.writeStringField("start", h.start().toString());
      longs(g, "hours", h.hours());
      g.writeNumberField("before", h.before());
      g.writeNumberField("after", h.after());
      g.writeEndObject();
      longs(g, "localHours", w.localHours());
      g.writeEndObject();
    }

    private static void percent(JsonGenerator g, String field, long part, long whole)
        throws IOException {
      if (whole == 0) {
        g.writeNullField(field);
      } else {
        g.writeNumberField(
            field,
            BigDecimal.valueOf(part)
                .multiply(HUNDRED)
                .divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP));
      }
    }

    private static void counts(JsonGenerator g, String field, Map<String, Long> counts)
        throws IOException {
      g.writeObjectFieldStart(field);
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
    }

    private static void tallies(JsonGenerator g, String field, Map<?, Tally> tallies)
        throws IOException {
      g.writeObjectFieldStart(field);
      for (Map.Entry<?, Tally> e : tallies.entrySet()) {
        g.writeObjectFieldStart(e.getKey().toString());
        g.writeNumberField("registeredAccounts", e.getValue().registeredAccounts());
        g.writeNumberField("activeAccounts", e.getValue().activeAccounts());
        g.writeNumberField("silentAccounts", e.getValue().silentAccounts());
        g.writeNumberField("tweets", e.getValue().tweets());
        g.writeEndObject();
      }
      g.writeEndObject();
    }

    private static void longs(JsonGenerator g, String field, List<Long> values) throws IOException {
      g.writeArrayFieldStart(field);
      for (long v : values) {
        g.writeNumber(v);
      }
      g.writeEndArray();
    }
  }
}
