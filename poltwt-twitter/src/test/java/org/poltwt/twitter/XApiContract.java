package org.poltwt.twitter;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.oas.OpenApi30;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Checks requests and responses against the X API's OpenAPI 3.0 description, so the client and the
 * test stubs cannot drift from the real API. The JSON Schema parts (query parameter values, request
 * bodies, response bodies) are validated with networknt's json-schema-validator in its OpenAPI 3.0
 * dialect against the schemas of the spec itself; the HTTP parts are checked by hand from the spec:
 * the operation exists for the method and path, every query parameter is declared, required ones
 * are present, array parameters are comma-separated ({@code style: form, explode: false}), the
 * response status is declared (or covered by {@code default}) with that media type, and the
 * operation's security scheme gets a bearer token. A few rules the spec states only in prose are
 * checked too ({@code next_token}/{@code pagination_token} exclusive, {@code start_time}/{@code
 * since_id} exclusive, timestamps {@code YYYY-MM-DDTHH:mm:ssZ}).
 */
final class XApiContract {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern SECOND_TIMESTAMP =
      Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

  /**
   * Spec 2.159, the "tweet" spellings the live API uses: what requests and responses are checked
   * against.
   */
  static final XApiContract TWEET_SPELLINGS = new XApiContract("x-api/latest-openapi.json");

  /** Spec 2.167, the "post" spellings. */
  static final XApiContract POST_SPELLINGS = new XApiContract("x-api/openapi.json");

  private final String resource;
  private final JsonNode spec;
  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<String, JsonSchema> schemas = new ConcurrentHashMap<>();

  private XApiContract(String resource) {
    this.resource = resource;
    try (InputStream in = XApiContract.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      this.spec = MAPPER.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.factory =
        JsonSchemaFactory.getInstance(
            SpecVersion.VersionFlag.V4,
            b ->
                b.metaSchema(OpenApi30.getInstance())
                    .defaultMetaSchemaIri(OpenApi30.getInstance().getIri()));
    this.config =
        SchemaValidatorsConfig.builder()
            .discriminatorKeywordEnabled(true)
            .nullableKeywordEnabled(true)
            .build();
  }

  String version() {
    return spec.path("info").path("version").asText();
  }

  /** The operation for a method and concrete path, or null. Literal segments win over templates. */
  Operation operation(String method, String path) {
    List<Map.Entry<String, JsonNode>> candidates = new ArrayList<>();
    for (Map.Entry<String, JsonNode> p : spec.path("paths").properties()) {
      String regex =
          "^" + Pattern.quote(p.getKey()).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q") + "$";
      if (path.matches(regex) && p.getValue().has(method.toLowerCase(Locale.ROOT))) {
        candidates.add(p);
      }
    }
    candidates.sort(
        Comparator.comparingLong(p -> p.getKey().chars().filter(c -> c == '{').count()));
    if (candidates.isEmpty()) {
      return null;
    }
    Map.Entry<String, JsonNode> p = candidates.get(0);
    return new Operation(
        p.getKey(),
        method.toLowerCase(Locale.ROOT),
        p.getValue().get(method.toLowerCase(Locale.ROOT)));
  }

  /** Problems with one request; empty when it conforms. */
  List<String> checkRequest(String method, String url, Map<String, String> headers, String body) {
    List<String> problems = new ArrayList<>();
    int q = url.indexOf('?');
    String path = q < 0 ? url : url.substring(0, q);
    Map<String, List<String>> query = parseQuery(q < 0 ? "" : url.substring(q + 1));
    Operation op = operation(method, path);
    String where = method + " " + path;
    if (op == null) {
      problems.add(where + ": no such operation in spec " + version());
      return problems;
    }
    Map<String, Param> declared = new LinkedHashMap<>();
    for (Param p : op.parameters()) {
      declared.put(p.in + ":" + p.name, p);
    }
    for (Map.Entry<String, List<String>> e : query.entrySet()) {
      Param p = declared.get("query:" + e.getKey());
      if (p == null) {
        problems.add(
            where + ": query parameter '" + e.getKey() + "' is not declared in spec " + version());
        continue;
      }
      if (e.getValue().size() > 1) {
        problems.add(
            where
                + ": query parameter '"
                + e.getKey()
                + "' repeated; the spec wants one comma-separated value");
      }
      problems.addAll(checkValue(where + " query " + e.getKey(), p, e.getValue().get(0)));
    }
    for (Param p : declared.values()) {
      if (p.required && p.in.equals("query") && !query.containsKey(p.name)) {
        problems.add(where + ": required query parameter '" + p.name + "' is missing");
      }
      if (p.in.equals("path")) {
        String value = pathValue(op.template, path, p.name);
        problems.addAll(checkValue(where + " path " + p.name, p, value));
      }
    }
    if (query.containsKey("next_token") && query.containsKey("pagination_token")) {
      problems.add(where + ": next_token and pagination_token are mutually exclusive");
    }
    if (query.containsKey("since_id") && query.containsKey("start_time")) {
      problems.add(where + ": at most one of start_time and since_id (spec 2.167)");
    }
    for (String t : new String[] {"start_time", "end_time"}) {
      if (query.containsKey(t) && !SECOND_TIMESTAMP.matcher(query.get(t).get(0)).matches()) {
        problems.add(
            where + ": " + t + " must be YYYY-MM-DDTHH:mm:ssZ, was " + query.get(t).get(0));
      }
    }
    String auth = headers.getOrDefault("Authorization", "");
    if (op.node.has("security") && !auth.matches("Bearer \\S+")) {
      problems.add(where + ": no bearer token in Authorization");
    }
    JsonNode requestBody = op.node.get("requestBody");
    if (requestBody != null) {
      String ct = headers.getOrDefault("Content-Type", "");
      JsonNode media = requestBody.path("content").get(mediaType(ct));
      if (media == null) {
        problems.add(where + ": request media type '" + ct + "' is not declared");
      } else {
        problems.addAll(
            validate(
                where + " request body",
                media.get("schema"),
                op.pointer() + "/requestBody/content/" + escape(mediaType(ct)) + "/schema",
                body));
      }
    } else if (body != null && !body.isEmpty()) {
      problems.add(where + ": sends a body the operation does not take");
    }
    return problems;
  }

  /** Problems with one response; empty when it conforms. */
  List<String> checkResponse(
      String method, String path, int status, String contentType, String body) {
    List<String> problems = new ArrayList<>();
    Operation op = operation(method, path);
    String where = method + " " + path + " -> " + status;
    if (op == null) {
      problems.add(where + ": no such operation in spec " + version());
      return problems;
    }
    JsonNode responses = op.node.path("responses");
    String key = responses.has(Integer.toString(status)) ? Integer.toString(status) : "default";
    JsonNode response = responses.get(key);
    if (response == null) {
      problems.add(where + ": status not declared");
      return problems;
    }
    JsonNode content = response.get("content");
    if (content == null) {
      if (body != null && !body.isEmpty()) {
        problems.add(where + ": a body where the spec declares none");
      }
      return problems;
    }
    String media = mediaType(contentType);
    JsonNode m = content.get(media);
    if (m == null) {
      String declared = content.properties().iterator().next().getKey();
      problems.add(where + ": media type '" + contentType + "' not declared (" + declared + " is)");
      return problems;
    }
    problems.addAll(
        validate(
            where,
            m.get("schema"),
            op.pointer() + "/responses/" + key + "/content/" + escape(media) + "/schema",
            body));
    return problems;
  }

  /** Validates a JSON document against a schema of the spec, named by its JSON pointer. */
  List<String> checkSchema(String pointer, String json) {
    return validate(pointer, spec.at(pointer), pointer, json);
  }

  private List<String> validate(String where, JsonNode schemaNode, String pointer, String json) {
    JsonNode instance;
    try {
      instance = MAPPER.readTree(json == null ? "" : json);
    } catch (IOException e) {
      return List.of(where + ": body is not JSON");
    }
    if (instance == null || instance.isMissingNode()) {
      return List.of(where + ": empty body");
    }
    return validateNode(where, schemaNode, pointer, instance);
  }

  private List<String> validateNode(
      String where, JsonNode schemaNode, String pointer, JsonNode instance) {
    String target =
        schemaNode != null && schemaNode.has("$ref")
            ? schemaNode.get("$ref").asText().substring(1)
            : pointer;
    JsonSchema schema =
        schemas.computeIfAbsent(
            target,
            t -> factory.getSchema(SchemaLocation.of("classpath:" + resource + "#" + t), config));
    Set<ValidationMessage> messages = schema.validate(instance);
    List<String> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      out.add(where + ": " + m.getMessage());
    }
    return out;
  }

  private List<String> checkValue(String where, Param p, String raw) {
    JsonNode schema = resolve(p.schema);
    JsonNode value;
    String type = schema.path("type").asText("string");
    switch (type) {
      case "array":
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (String s : raw.split(",", -1)) {
          items.add(s);
        }
        value = items;
        break;
      case "integer":
        try {
          value = JsonNodeFactory.instance.numberNode(Long.parseLong(raw));
        } catch (NumberFormatException e) {
          return List.of(where + ": '" + raw + "' is not an integer");
        }
        break;
      case "boolean":
        value = JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(raw));
        break;
      default:
        value = JsonNodeFactory.instance.textNode(raw);
    }
    return validateNode(where, p.schema, p.schemaPointer, value);
  }

  private JsonNode resolve(JsonNode node) {
    JsonNode n = node;
    for (int i = 0; i < 10 && n != null && n.has("$ref"); i++) {
      n = spec.at(n.get("$ref").asText().substring(1));
    }
    return n;
  }

  private static String pathValue(String template, String path, String name) {
    String[] t = template.split("/");
    String[] p = path.split("/");
    for (int i = 0; i < t.length && i < p.length; i++) {
      if (t[i].equals("{" + name + "}")) {
        return URLDecoder.decode(p[i], UTF_8);
      }
    }
    return "";
  }

  static Map<String, List<String>> parseQuery(String query) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), UTF_8);
      out.computeIfAbsent(k, x -> new ArrayList<>()).add(v);
    }
    return out;
  }

  private static String mediaType(String contentType) {
    if (contentType == null) {
      return "";
    }
    int semi = contentType.indexOf(';');
    return (semi < 0 ? contentType : contentType.substring(0, semi))
        .strip()
        .toLowerCase(Locale.ROOT);
  }

  static String escape(String pointerToken) {
    return pointerToken.replace("~", "~0").replace("/", "~1");
  }

  /** One operation of the spec. */
  final class Operation {
    final String template;
    final String method;
    final JsonNode node;

    Operation(String template, String method, JsonNode node) {
      this.template = template;
      this.method = method;
      this.node = node;
    }

    String pointer() {
      return "/paths/" + escape(template) + "/" + method;
    }

    List<Param> parameters() {
      List<Param> out = new ArrayList<>();
      JsonNode params = node.path("parameters");
      for (int i = 0; i < params.size(); i++) {
        JsonNode p = params.get(i);
        String schemaPointer = pointer() + "/parameters/" + i + "/schema";
        if (p.has("$ref")) {
          String ref = p.get("$ref").asText().substring(1);
          p = spec.at(ref);
          schemaPointer = ref + "/schema";
        }
        out.add(
            new Param(
                p.path("name").asText(),
                p.path("in").asText(),
                p.path("required").asBoolean(false),
                p.get("schema"),
                schemaPointer));
      }
      return out;
    }
  }

  /** One declared parameter. */
  static final class Param {
    final String name;
    final String in;
    final boolean required;
    final JsonNode schema;
    final String schemaPointer;

    Param(String name, String in, boolean required, JsonNode schema, String schemaPointer) {
      this.name = name;
      this.in = in;
      this.required = required;
      this.schema = schema;
      this.schemaPointer = schemaPointer;
    }
  }
}
