package org.poltwt.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.LocalDate;
import java.time.LocalTime;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Edition;
import org.poltwt.event.EditionStatus;
import org.poltwt.event.InvalidEditionException;
import org.poltwt.event.WindowPolicy;

/** JSON form of {@link Edition}: the builder's fields, ISO-8601 date and time. */
final class EditionJson {
  private EditionJson() {}

  static final class Writer extends StdSerializer<Edition> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(Edition.class);
    }

    @Override
    public void serialize(Edition e, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartObject();
      g.writeNumberField("number", e.number());
      g.writeStringField("hashtag", e.hashtag());
      g.writeArrayFieldStart("themes");
      for (String theme : e.themes()) {
        g.writeString(theme);
      }
      g.writeEndArray();
      g.writeStringField("status", e.status().name());
      if (e.date().isPresent()) {
        g.writeStringField("date", e.date().get().toString());
      } else {
        g.writeNullField("date");
      }
      g.writeStringField("localStart", e.localStart().toString());
      g.writeStringField("windowPolicy", e.windowPolicy().name());
      g.writeEndObject();
    }
  }

  static final class Reader extends StdDeserializer<Edition> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(Edition.class);
    }

    @Override
    public Edition deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      try {
        return read(node);
      } catch (InvalidInputException e) {
        throw JsonFields.mappingFailure(p, e);
      }
    }

    private static Edition read(JsonNode node) {
      if (node == null || !node.isObject()) {
        throw new InvalidEditionException("edition", "must be a JSON object");
      }
      JsonFields.Failure code = InvalidEditionException::new;
      Edition.Builder b = Edition.builder();
      JsonNode number = node.get("number");
      if (number == null || !number.canConvertToInt() || !number.isIntegralNumber()) {
        throw new InvalidEditionException("number", "is required and must be a whole number");
      }
      b.number(number.intValue());
      String hashtag = JsonFields.text(node, "hashtag", code);
      if (hashtag != null) {
        b.hashtag(hashtag);
      }
      JsonNode themes = node.get("themes");
      if (themes != null && !themes.isNull()) {
        if (!themes.isArray()) {
          throw new InvalidEditionException("themes", "must be an array of strings");
        }
        String[] tags = new String[themes.size()];
        for (int i = 0; i < tags.length; i++) {
          JsonNode t = themes.get(i);
          if (!t.isTextual()) {
            throw new InvalidEditionException("themes[" + i + "]", "must be a string");
          }
          tags[i] = t.asText();
        }
        b.themes(tags);
      }
      EditionStatus status =
          JsonFields.optional(
              node,
              "status",
              code,
              "one of SCHEDULED, DATE_TBD, CANCELLED, COMPLETED",
              EditionStatus::valueOf);
      if (status != null) {
        b.status(status);
      }
      b.date(
          JsonFields.optional(
              node, "date", code, "an ISO-8601 date such as 2015-06-05", LocalDate::parse));
      LocalTime start =
          JsonFields.optional(
              node, "localStart", code, "an ISO-8601 time such as 08:00", LocalTime::parse);
      if (start != null) {
        b.localStart(start);
      }
      WindowPolicy policy =
          JsonFields.optional(
              node,
              "windowPolicy",
              code,
              "one of SAME_LOCAL_TIME_NEXT_DAY, ELAPSED_24_HOURS",
              WindowPolicy::valueOf);
      if (policy != null) {
        b.windowPolicy(policy);
      }
      return b.build();
    }
  }
}
