package org.newsroom.content.support.openapi;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.dialect.Dialects;

/**
 * One OpenAPI 3.1 document, and what it says an answer may be: {@link #check} finds the operation an answer belongs
 * to (path template and method), and tells how the answer departs from it: a status the operation does not
 * document, a media type it does not list, a body where it documents none, or a JSON body that its schema refuses
 * (JSON Schema 2020-12 with the OpenAPI 3.1 dialect, formats asserted: {@code required}, {@code type: [..., "null"]},
 * {@code date-time}, {@code enum} ...). An object schema that names its properties is read as closed (a property
 * it does not name is reported): a generated client drops what the document does not name.
 *
 * <p>
 * Answers to paths the document does not describe (static files, {@code /q/...}) are not checked, except a
 * success answer under {@code /api/} or {@code /feeds/}: that is an operation the document lacks.
 */
public final class DocumentedAnswers {

    /** How an answer departs from the document: {@code group} is the same for answers that fail the same way. */
    public record Mismatch(String group, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DOCUMENT_URI = "https://contract.invalid/openapi.json";

    private final JsonNode document;
    private final SchemaRegistry schemas;
    private final List<PathTemplate> paths = new ArrayList<>();
    private final Map<String, Schema> compiled = new ConcurrentHashMap<>();

    private DocumentedAnswers(JsonNode document) {
        this.document = document;
        ObjectNode closed = document.deepCopy();
        closeObjectSchemas(closed);
        String text = closed.toString();
        this.schemas = SchemaRegistry.withDefaultDialect(Dialects.getOpenApi31(),
                builder -> builder.schemas(Map.of(DOCUMENT_URI, text))
                        .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
        document.path("paths").fieldNames().forEachRemaining(path -> paths.add(PathTemplate.of(path)));
    }

    public static DocumentedAnswers parse(String json) {
        try {
            return new DocumentedAnswers(JSON.readTree(json));
        } catch (IOException e) {
            throw new UncheckedIOException("the OpenAPI document is not JSON", e);
        }
    }

    /**
     * How the answer ({@code status}, {@code contentType} header or null, {@code body}, empty if none) to
     * {@code method} {@code rawPath} departs from the document; empty if it conforms or is not the document's to
     * judge.
     */
    public List<Mismatch> check(String method, String rawPath, int status, String contentType, byte[] body) {
        String verb = method.toLowerCase(Locale.ROOT);
        PathTemplate path = match(rawPath);
        boolean success = status >= 200 && status < 400;
        if (path == null) {
            if (success && (rawPath.startsWith("/api/") || rawPath.startsWith("/feeds/"))) {
                return List.of(new Mismatch(method + " (undocumented path) " + status,
                        "answered " + status + " to " + method + " " + rawPath + ", a path the document lacks"));
            }
            return List.of();
        }
        JsonNode item = document.path("paths").path(path.template());
        if (verb.equals("options") && !item.has("options")) {
            return List.of(); // a CORS preflight, answered for every path by the CORS filter: no operation of the API
        }
        boolean head = verb.equals("head") && !item.has("head");
        String documentedVerb = head ? "get" : verb;
        String operationName = method + " " + path.template();
        JsonNode operation = item.path(documentedVerb);
        if (!operation.isObject()) {
            if (success) {
                return List.of(new Mismatch(operationName + " (undocumented operation) " + status,
                        "answered " + status + " to an operation the document lacks"));
            }
            return List.of(); // 405 and the like: there is no operation to hold it to
        }
        JsonNode responses = operation.path("responses");
        String statusKey = statusKey(responses, status);
        if (statusKey == null) {
            return List.of(new Mismatch(operationName + " " + status + ": status not documented",
                    "documented: " + fieldNames(responses)));
        }
        JsonNode response = responses.path(statusKey);
        if (response.has("$ref")) {
            response = resolve(response.path("$ref").asText());
        }
        if (head || body == null || body.length == 0) {
            return List.of(); // nothing to hold to a schema (HEAD, 204, 304, an empty answer)
        }
        JsonNode content = response.path("content");
        if (!content.isObject() || content.isEmpty()) {
            return List.of(new Mismatch(operationName + " " + status + ": body not documented",
                    "answered a " + contentType + " body of " + body.length + " bytes"));
        }
        if (contentType == null || contentType.isBlank()) {
            return List.of(new Mismatch(operationName + " " + status + ": body without Content-Type", ""));
        }
        String mediaKey = mediaKey(content, contentType);
        if (mediaKey == null) {
            return List.of(new Mismatch(operationName + " " + status + ": media type " + baseType(contentType)
                    + " not documented", "documented: " + fieldNames(content)));
        }
        if (!isJson(baseType(contentType))) {
            return List.of(); // text, XML: the document says "a string"
        }
        JsonNode schemaNode = content.path(mediaKey).path("schema");
        if (!schemaNode.isObject() || schemaNode.isEmpty()) {
            return List.of(new Mismatch(operationName + " " + status + " " + mediaKey + ": no schema (body unchecked)",
                    ""));
        }
        JsonNode instance;
        try {
            instance = JSON.readTree(gunzipped(body));
        } catch (IOException e) {
            return List.of(new Mismatch(operationName + " " + status + ": " + mediaKey + " body is not JSON",
                    e.getMessage()));
        }
        String pointer = "/paths/" + escape(path.template()) + "/" + documentedVerb + "/responses/"
                + escape(statusKey) + "/content/" + escape(mediaKey) + "/schema";
        Schema schema = compiled.computeIfAbsent(pointer,
                key -> schemas.getSchema(SchemaLocation.of(DOCUMENT_URI + "#" + key)));
        List<Mismatch> mismatches = new ArrayList<>();
        for (Error error : schema.validate(instance)) {
            String where = error.getInstanceLocation().toString();
            mismatches.add(new Mismatch(
                    operationName + " " + status + ": " + where.replaceAll("/\\d+(?=/|$)", "/*") + " "
                            + error.getKeyword() + " " + generalise(error),
                    where + ": " + error.getMessage()));
        }
        return mismatches;
    }

    /** A gzip body as sent (a test that asked RestAssured not to decode it, or read it raw), decoded. */
    private static byte[] gunzipped(byte[] body) throws IOException {
        if (body.length < 2 || (body[0] & 0xff) != 0x1f || (body[1] & 0xff) != 0x8b) {
            return body; // neither JSON nor text starts with the gzip magic bytes
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private PathTemplate match(String rawPath) {
        List<String> segments = PathTemplate.segments(rawPath);
        PathTemplate best = null;
        for (PathTemplate candidate : paths) {
            if (candidate.matches(segments) && (best == null || candidate.literals() > best.literals())) {
                best = candidate;
            }
        }
        return best;
    }

    private static String statusKey(JsonNode responses, int status) {
        String exact = Integer.toString(status);
        if (responses.has(exact)) {
            return exact;
        }
        String range = status / 100 + "XX";
        if (responses.has(range)) {
            return range;
        }
        return responses.has("default") ? "default" : null;
    }

    private static String mediaKey(JsonNode content, String contentType) {
        String actual = baseType(contentType);
        String wildcard = null;
        for (Iterator<String> keys = content.fieldNames(); keys.hasNext();) {
            String key = keys.next();
            String documented = baseType(key);
            if (documented.equals(actual)) {
                return key;
            }
            if (documented.equals("*/*")
                    || documented.endsWith("/*")
                            && actual.startsWith(documented.substring(0, documented.length() - 1))) {
                wildcard = key;
            }
        }
        return wildcard;
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean isJson(String baseType) {
        return baseType.equals("application/json") || baseType.endsWith("+json");
    }

    private JsonNode resolve(String ref) {
        return document.at(ref.substring(1));
    }

    private static String escape(String pointerToken) {
        return pointerToken.replace("~", "~0").replace("/", "~1");
    }

    private static String fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return String.join(", ", names);
    }

    /** The error's message without the instance's own value, so that answers failing alike group together. */
    private static String generalise(Error error) {
        String message = error.getMessage();
        String where = error.getInstanceLocation().toString();
        if (message.startsWith(where)) {
            message = message.substring(where.length()).trim();
        }
        if (error.getKeyword() != null && error.getKeyword().equals("unevaluatedProperties")) {
            return message; // names the property
        }
        return message.replaceAll("\"[^\"]*\"", "\"…\"");
    }

    /**
     * Closes every object schema that names its properties and says nothing of others
     * ({@code unevaluatedProperties: false}, which still admits what {@code allOf} members name).
     */
    private static void closeObjectSchemas(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.path("properties").isObject() && !object.has("additionalProperties")
                    && !object.has("unevaluatedProperties") && looksLikeASchema(object)) {
                object.put("unevaluatedProperties", false);
            }
            object.elements().forEachRemaining(DocumentedAnswers::closeObjectSchemas);
        } else if (node.isArray()) {
            node.elements().forEachRemaining(DocumentedAnswers::closeObjectSchemas);
        }
    }

    private static boolean looksLikeASchema(ObjectNode object) {
        JsonNode type = object.path("type");
        return type.isMissingNode() || type.asText().equals("object")
                || type.isArray() && type.toString().contains("\"object\"");
    }

    /** A path of the document, {@code /api/v1/articles/{ref}}: literal segments and parameters. */
    record PathTemplate(String template, List<String> parts, int literals) {

        static PathTemplate of(String template) {
            List<String> parts = segments(template);
            int literals = (int) parts.stream().filter(part -> !part.startsWith("{")).count();
            return new PathTemplate(template, parts, literals);
        }

        static List<String> segments(String path) {
            List<String> segments = new ArrayList<>();
            String[] raw = path.split("/", -1);
            for (int i = 1; i < raw.length; i++) {
                segments.add(raw[i]);
            }
            return segments;
        }

        boolean matches(List<String> actual) {
            if (actual.size() != parts.size()) {
                return false;
            }
            for (int i = 0; i < parts.size(); i++) {
                String part = parts.get(i);
                String segment = actual.get(i);
                boolean parameter = part.startsWith("{") && part.endsWith("}");
                if (parameter ? segment.isEmpty() : !part.equals(decode(segment))) {
                    return false;
                }
            }
            return true;
        }

        private static String decode(String segment) {
            try {
                return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                return segment;
            }
        }
    }

    /** The raw path of {@code uri} (no query, no fragment), however oddly a test wrote it. */
    public static String rawPath(String uri) {
        String rest = uri;
        int scheme = rest.indexOf("://");
        if (scheme >= 0) {
            int slash = rest.indexOf('/', scheme + 3);
            rest = slash < 0 ? "/" : rest.substring(slash);
        }
        int end = rest.length();
        for (char stop : new char[]{'?', '#'}) {
            int at = rest.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return rest.substring(0, end).isEmpty() ? "/" : rest.substring(0, end);
    }
}
