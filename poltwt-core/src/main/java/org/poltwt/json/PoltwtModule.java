package org.poltwt.json;

import com.fasterxml.jackson.core.Version;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.time.ZoneId;
import org.poltwt.event.Edition;
import org.poltwt.event.Window;

/**
 * A Jackson module for poltwt's model types. Dates, times and instants are ISO-8601 text; zones are
 * written by their id ({@code "Asia/Kathmandu"}); enums by name.
 *
 * <pre>{@code
 * ObjectMapper mapper = new ObjectMapper().registerModule(new PoltwtModule());
 * }</pre>
 *
 * <p>Reading applies the same rules as the model's builders. A document that breaks them fails with
 * Jackson's {@code JsonMappingException} (an {@code IOException}), whose cause is the model's own
 * exception naming the field and the reason (for example {@link
 * org.poltwt.event.InvalidEditionException} or {@link org.poltwt.event.UnknownZoneException}).
 */
public final class PoltwtModule extends SimpleModule {
  private static final long serialVersionUID = 1L;

  /** Creates the module with serializers and deserializers for every model type. */
  public PoltwtModule() {
    super("poltwt", Version.unknownVersion());
    addSerializer(Edition.class, new EditionJson.Writer());
    addDeserializer(Edition.class, new EditionJson.Reader());
    addSerializer(Window.class, new WindowJson.Writer());
    addDeserializer(Window.class, new WindowJson.Reader());
    addSerializer(ZoneId.class, new ZoneIdJson.Writer());
    addDeserializer(ZoneId.class, new ZoneIdJson.Reader());
    addKeyDeserializer(ZoneId.class, new ZoneIdJson.KeyReader());
    addSerializer(org.poltwt.report.WrapUp.class, new WrapUpJson.Writer());
  }
}
