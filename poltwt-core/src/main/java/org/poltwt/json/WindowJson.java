package org.poltwt.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import org.poltwt.InvalidInputException;
import org.poltwt.event.Window;

/** JSON form of {@link Window}: {@code {"start": "...Z", "end": "...Z"}}. */
final class WindowJson {
  private static final String CODE = "window.invalid";
  private static final JsonFields.Failure FAILURE =
      (field, reason) -> new InvalidInputException(CODE, field, reason);

  private WindowJson() {}

  static final class Writer extends StdSerializer<Window> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(Window.class);
    }

    @Override
    public void serialize(Window w, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeStartObject();
      g.writeStringField("start", w.start().toString());
      g.writeStringField("end", w.end().toString());
      g.writeEndObject();
    }
  }

  static final class Reader extends StdDeserializer<Window> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(Window.class);
    }

    @Override
    public Window deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonNode node = p.readValueAsTree();
      try {
        return read(node);
      } catch (InvalidInputException e) {
        throw JsonFields.mappingFailure(p, e);
      }
    }

    private static Window read(JsonNode node) {
      if (node == null || !node.isObject()) {
        throw new InvalidInputException(CODE, "window", "must be a JSON object");
      }
      String expected = "an ISO-8601 instant such as 2015-06-05T06:00:00Z";
      Instant start = JsonFields.required(node, "start", FAILURE, expected, Instant::parse);
      Instant end = JsonFields.required(node, "end", FAILURE, expected, Instant::parse);
      if (!end.isAfter(start)) {
        throw new InvalidInputException(CODE, "end", "must be after start");
      }
      return new Window(start, end);
    }
  }
}
