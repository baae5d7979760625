package org.poltwt.json;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.ZoneId;
import org.poltwt.event.Schedule;
import org.poltwt.event.UnknownZoneException;

/** JSON form of {@link ZoneId}: its id as a string. */
final class ZoneIdJson {
  private ZoneIdJson() {}

  static final class Writer extends StdSerializer<ZoneId> {
    private static final long serialVersionUID = 1L;

    Writer() {
      super(ZoneId.class);
    }

    @Override
    public void serialize(ZoneId zone, JsonGenerator g, SerializerProvider provider)
        throws IOException {
      g.writeString(zone.getId());
    }
  }

  static final class Reader extends StdDeserializer<ZoneId> {
    private static final long serialVersionUID = 1L;

    Reader() {
      super(ZoneId.class);
    }

    @Override
    public ZoneId deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      try {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw new UnknownZoneException("zone", "must be a string such as \"Europe/Madrid\"");
        }
        return Schedule.parseZone(p.getText());
      } catch (UnknownZoneException e) {
        throw JsonFields.mappingFailure(p, e);
      }
    }
  }

  /** Reads zone ids used as map keys, e.g. {@code {"Asia/Kathmandu": ...}}. */
  static final class KeyReader extends KeyDeserializer {
    @Override
    public Object deserializeKey(String key, DeserializationContext ctxt) throws IOException {
      try {
        return Schedule.parseZone(key);
      } catch (UnknownZoneException e) {
        throw JsonMappingException.from(ctxt, e.getMessage(), e);
      }
    }
  }
}
