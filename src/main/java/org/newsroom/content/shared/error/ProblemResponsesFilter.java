package org.newsroom.content.shared.error;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;

/**
 * Completes the document the annotations describe, with what holds for every operation alike (docs/http-api.md §3,
 * §6), so that no operation can forget it:
 * <ul>
 * <li>every 4xx and 5xx answer gets the problem body; every operation that answers a body gets a 406 (for an Accept
 * it cannot answer), every write a 412 (If-None-Match: *, see shared/web/WritePreconditions), every operation a 500
 * and a 503 (every operation reads the database), and 429 and 503 say Retry-After;</li>
 * <li>every GET answers 304 to a conditional request, and its 200 carries ETag and Last-Modified; a 201 says
 * Location, and a 201 and the 200 of a PUT or PATCH the new ETag; a list's 200 (its schema a page: items and nextCursor) names the next page in Link;</li>
 * <li>an operation that declares no security is public ({@code security: []}); one that accepts a token without
 * needing it ({@code [{jwt: []}, {}]}) answers 401 to a token that is not valid;</li>
 * <li>{@code @NotBlank}'s pattern ({@code \S}) becomes the rule the server applies (a character above U+0020, as
 * {@code String.trim} sees it), anchored like every other pattern of the document, and a nullable enumeration lists null;</li>
 * <li>a schema that only answers (never a request body) lists every property as required: Jackson writes every
 * field, null included, unless the class says otherwise (the problem's errors, the JSON Feed's optional members).</li>
 * </ul>
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";
    private static final String SCHEMAS = "#/components/schemas/";
    private static final String HEADERS = "#/components/headers/";
    /** What {@code @NotBlank} publishes, and the same rule as ECMA-262 and Python read it, anchored. */
    static final String NOT_BLANK_AS_PUBLISHED = "\\S";
    public static final String NOT_BLANK = "^[\\u0000-\\u0020]*[^\\u0000-\\u0020][\\s\\S]*$";
    /** Classes that leave out some of their fields when empty or null: their properties stay optional. */
    private static final Set<String> MAY_OMIT_FIELDS = Set.of("Problem", "FieldError", "JsonFeed", "Item", "Author");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addHeaders(openAPI);
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() != null && method != PathItem.HttpMethod.GET
                    && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS) {
                addIfAbsent(operation.getResponses(), "412", ProblemDocs.NONE_MATCH_ON_WRITE);
            }
            declareSecurity(operation);
            complete(operation);
            if (method == PathItem.HttpMethod.GET) {
                describeRead(operation.getResponses());
            }
            describeHeaders(method, operation.getResponses());
        }));
        Components components = openAPI.getComponents();
        if (components != null && components.getSchemas() != null) {
            components.getSchemas().values().forEach(ProblemResponsesFilter::tidy);
            requireWhatResponsesAlwaysCarry(openAPI);
        }
    }

    private static void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (answersABody(responses)) {
            addIfAbsent(responses, "406", ProblemDocs.NOT_ACCEPTABLE);
        }
        addIfAbsent(responses, "500", ProblemDocs.INTERNAL);
        addIfAbsent(responses, "503", ProblemDocs.UNAVAILABLE);
        responses.getAPIResponses().forEach((status, response) -> {
            // Quarkus adds bare 401 and 403 entries for secured methods, and operations declare problems by
            // description alone: give each the problem body.
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    /** No security declared: public, said explicitly. Optional authentication: a bad token is a 401. */
    private static void declareSecurity(Operation operation) {
        List<SecurityRequirement> security = operation.getSecurity();
        if (security == null || security.isEmpty()) {
            operation.setSecurity(new ArrayList<>());
            return;
        }
        boolean optional = security.stream().anyMatch(requirement -> requirement.getSchemes() == null
                || requirement.getSchemes().isEmpty());
        if (optional && operation.getResponses() != null) {
            addIfAbsent(operation.getResponses(), "401", ProblemDocs.BAD_TOKEN);
        }
    }

    private static void describeRead(APIResponses responses) {
        if (responses == null) {
            return;
        }
        if (responses.getAPIResponse("304") == null) {
            APIResponse notModified = OASFactory.createAPIResponse().description(ProblemDocs.NOT_MODIFIED);
            notModified.addHeader("ETag", headerRef("ETag"));
            notModified.addHeader("Last-Modified", headerRef("Last-Modified"));
            responses.addAPIResponse("304", notModified);
        }
        addHeader(responses.getAPIResponse("304"), "Surrogate-Key");
        addHeader(responses.getAPIResponse("304"), "Cache-Tag");
        APIResponse ok = responses.getAPIResponse("200");
        if (ok != null) {
            addHeader(ok, "ETag");
            addHeader(ok, "Last-Modified");
            addHeader(ok, "Surrogate-Key");
            addHeader(ok, "Cache-Tag");
            if (isPage(ok)) {
                addHeader(ok, "Link");
            }
        }
    }

    private static void describeHeaders(PathItem.HttpMethod method, APIResponses responses) {
        if (responses == null) {
            return;
        }
        responses.getAPIResponses().forEach((status, response) -> {
            switch (status) {
                case "200" -> {
                    if (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
                        addHeader(response, "ETag");
                    }
                }
                case "201" -> {
                    addHeader(response, "Location");
                    addHeader(response, "ETag");
                }
                case "429", "503" -> addHeader(response, "Retry-After");
                default -> {
                }
            }
        });
    }

    private static boolean isPage(APIResponse response) {
        if (response.getContent() == null || response.getContent().getMediaTypes() == null) {
            return false;
        }
        return response.getContent().getMediaTypes().values().stream()
                .anyMatch(media -> media.getSchema() != null && media.getSchema().getRef() != null
                        && media.getSchema().getRef().endsWith("Page"));
    }

    private static void addHeaders(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "The representation's entity tag: send it as If-None-Match to revalidate, or as If-Match"
                + " to write over this version");
        headers.put("Last-Modified", "When the representation last changed, to the second, when that is known"
                + " (If-Modified-Since)");
        headers.put("Link", "The next page, as <url>; rel=\"next\"; absent on the last page");
        headers.put("Location", "The URL of what was created");
        headers.put("Retry-After", "Seconds to wait before trying again");
        headers.put("Surrogate-Key",
                "On public answers: what the answer shows, space-separated, for purging a CDN by key"
                        + " (Fastly): article-<id>, comments-<articleId>, list, feed, section-<slug>, tag-<slug>");
        headers.put("Cache-Tag", "On public answers: the same keys as Surrogate-Key, comma-separated (Cloudflare)");
        headers.forEach((name, description) -> {
            Schema schema = OASFactory.createSchema().addType(
                    name.equals("Retry-After") ? Schema.SchemaType.INTEGER : Schema.SchemaType.STRING);
            openAPI.getComponents().addHeader(name,
                    OASFactory.createHeader().description(description).schema(schema));
        });
    }

    private static void addHeader(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, headerRef(name));
        }
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref(HEADERS + name);
    }

    private static void tidy(Schema schema) {
        if (schema == null) {
            return;
        }
        // A described field of a referenced type gets the Java type's name as well: the reference says it all.
        if (schema.getRef() != null && schema.getType() != null && schema.getAnyOf() == null) {
            schema.setType(null);
        }
        if (NOT_BLANK_AS_PUBLISHED.equals(schema.getPattern())) {
            schema.setPattern(NOT_BLANK);
        }
        // A nullable enumeration: null must be one of its values too, or a validator refuses every null.
        if (schema.getEnumeration() != null && schema.getType() != null
                && schema.getType().contains(Schema.SchemaType.NULL) && !schema.getEnumeration().contains(null)) {
            List<Object> values = new ArrayList<>(schema.getEnumeration());
            values.add(null);
            schema.setEnumeration(values);
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(ProblemResponsesFilter::tidy);
        }
        tidy(schema.getItems());
        if (schema.getAnyOf() != null) {
            schema.getAnyOf().forEach(ProblemResponsesFilter::tidy);
        }
        if (schema.getAllOf() != null) {
            schema.getAllOf().forEach(ProblemResponsesFilter::tidy);
        }
    }

    /** Every property of a schema that only answers is required, unless its class omits some fields. */
    private static void requireWhatResponsesAlwaysCarry(OpenAPI openAPI) {
        Map<String, Schema> schemas = openAPI.getComponents().getSchemas();
        Set<String> answered = new HashSet<>();
        Set<String> requested = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getRequestBody() != null) {
                collect(op.getRequestBody().getContent(), schemas, requested);
            }
            if (op.getResponses() != null) {
                op.getResponses().getAPIResponses().forEach((status, response) -> {
                    if (status.startsWith("2")) {
                        collect(response.getContent(), schemas, answered);
                    }
                });
            }
        }));
        answered.removeAll(requested);
        answered.removeAll(MAY_OMIT_FIELDS);
        for (String name : answered) {
            Schema schema = schemas.get(name);
            if (schema.getProperties() != null && !schema.getProperties().isEmpty()) {
                schema.setRequired(new ArrayList<>(schema.getProperties().keySet()));
            }
        }
    }

    private static void collect(Content content, Map<String, Schema> schemas, Set<String> names) {
        if (content == null || content.getMediaTypes() == null) {
            return;
        }
        content.getMediaTypes().values().forEach(media -> reach(media.getSchema(), schemas, names));
    }

    private static void reach(Schema schema, Map<String, Schema> schemas, Set<String> names) {
        if (schema == null) {
            return;
        }
        if (schema.getRef() != null && schema.getRef().startsWith(SCHEMAS)) {
            String name = schema.getRef().substring(SCHEMAS.length());
            if (names.add(name)) {
                reach(schemas.get(name), schemas, names);
            }
        }
        if (schema.getProperties() != null) {
            schema.getProperties().values().forEach(property -> reach(property, schemas, names));
        }
        reach(schema.getItems(), schemas, names);
        for (List<Schema> alternatives : new ArrayList<>(List.of(nonNull(schema.getAnyOf()),
                nonNull(schema.getOneOf()), nonNull(schema.getAllOf())))) {
            alternatives.forEach(alternative -> reach(alternative, schemas, names));
        }
    }

    private static List<Schema> nonNull(List<Schema> list) {
        return list == null ? List.of() : list;
    }

    private static boolean answersABody(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }
}
