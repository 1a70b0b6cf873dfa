package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The OpenAPI document as code generators and linters read it (issue 11): the rules that matter to a generated
 * client, checked on the live document, and where they can be, against what the service answers.
 */
@QuarkusTest
class OpenApiContractTest {

    private static final String SCHEMAS = "#/components/schemas/";
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    /** Java regex syntax that ECMA-262 (or Python) reads otherwise or not at all. */
    private static final Pattern NOT_ECMA = Pattern.compile(
            "\\\\[pPxX]\\{|\\\\[AzZQEhHRXGK]|\\(\\?[imsxU-]|\\(\\?<[=!]?[^>]*$|[*+?}]\\+|\\[\\[|&&|\\\\[vV](?![0-9a-fA-F])");

    private static Map<String, Object> document;

    @BeforeEach
    void readTheDocument() {
        document = given().accept("application/json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .getMap("");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        Set<String> seen = new HashSet<>();
        operations((where, operation) -> {
            Object id = operation.get("operationId");
            assertNotNull(id, where + " has an operationId");
            assertTrue(id.toString().matches("[a-z][a-zA-Z0-9]*"), where + ": " + id);
            assertTrue(seen.add(id.toString()), where + ": " + id + " is used twice");
        });
        assertTrue(seen.containsAll(List.of("listArticles", "getArticle", "patchArticle", "postComment",
                "listComments", "reportComment", "decideComment")), seen.toString());
    }

    @Test
    void everyJsonAnswerHasASchemaAndEveryListItsPageType() {
        List<String> lists = new ArrayList<>();
        operations((where, operation) -> responses(operation).forEach((status, answer) -> {
            Map<String, Object> response = map(answer);
            Map<String, Object> json = media(response, "application/json");
            if (!status.startsWith("2") || json == null) {
                return;
            }
            Map<String, Object> schema = map(json.get("schema"));
            assertTrue(schema != null && !schema.isEmpty(), where + " " + status + " has a schema");
            if (operation.get("operationId").toString().startsWith("list")) {
                Map<String, Object> page = resolve(schema);
                Map<String, Object> properties = map(page.get("properties"));
                assertEquals(Set.of("items", "nextCursor"), properties.keySet(), where);
                Map<String, Object> items = map(properties.get("items"));
                assertEquals("array", items.get("type"), where);
                assertTrue(map(items.get("items")).get("$ref").toString().startsWith(SCHEMAS), where);
                assertTrue(types(map(properties.get("nextCursor"))).containsAll(List.of("string", "null")), where);
                assertEquals(List.of("items", "nextCursor"), page.get("required"), where);
                assertTrue(map(response.get("headers")).containsKey("Link"), where + " documents Link");
                lists.add(where);
            }
        }));
        assertEquals(10, lists.size(), lists.toString());
    }

    @Test
    void everyPatternIsAnAnchoredEcmaScriptPatternThatMeansWhatTheServerChecks() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(document, patterns);
        assertFalse(patterns.isEmpty());
        for (String pattern : patterns) {
            assertTrue(pattern.startsWith("^") && pattern.endsWith("$"), "anchored: " + pattern);
            assertFalse(NOT_ECMA.matcher(pattern).find(), "ECMA-262 syntax: " + pattern);
            Pattern.compile(pattern);
        }
        // @NotBlank: at least one character other than a control or a space, as String.trim sees it.
        Pattern notBlank = Pattern.compile(property("ArticleWrite", "headline").get("pattern").toString());
        for (String value : List.of("", " ", "\t\n\r ", "\u0000", "a", "  a  ", "\u00a0", "line\nbreak", "\u3000x")) {
            assertEquals(!value.trim().isEmpty(), notBlank.matcher(value).find(), "\"" + value + "\"");
        }
        Pattern slug = Pattern.compile(property("ArticleWrite", "slug").get("pattern").toString());
        for (String value : List.of("a", "a-1", "north-korea", "2024-budget")) {
            assertTrue(slug.matcher(value).find(), value);
        }
        for (String value : List.of("", "123", "a--b", "-a", "a-", "A", "Hello World", "x y")) {
            assertFalse(slug.matcher(value).find(), value);
        }
    }

    @Test
    void fieldsThatCanBeNullAreNullableAndEveryAnswerFieldIsRequired() {
        Map<String, List<String>> nullable = Map.of(
                "Article", List.of("subheadline", "dateline", "byline", "section", "publishedAt"),
                "ArticleSummary",
                List.of("subheadline", "dateline", "byline", "section", "publishedAt", "excerpt", "highlight"),
                "Paragraph", List.of("attribution"),
                "Comment", List.of("parentId", "authorName", "body", "editedAt"),
                "CreatedComment", List.of("parentId", "editedAt"),
                "ModeratedComment", List.of("parentId", "authorName", "body", "editedAt", "heldReason"));
        nullable.forEach((schema, fields) -> {
            Map<String, Object> component = component(schema);
            assertEquals(new HashSet<>(map(component.get("properties")).keySet()),
                    new HashSet<>(list(component.get("required"))), schema + " requires every field it always sends");
            for (String field : fields) {
                Map<String, Object> property = property(schema, field);
                assertTrue(types(property).contains("null"), schema + "." + field + " is nullable: " + property);
                if (property.containsKey("enum")) {
                    assertTrue(list(property.get("enum")).contains(null), schema + "." + field + " enum has null");
                }
            }
        });
        assertFalse(types(property("Comment", "id")).contains("null"));
        assertFalse(types(property("Article", "headline")).contains("null"));
    }

    /** Point 8: a merge patch names only what changes, and null removes a member, as far as the server lets it. */
    @Test
    void mergePatchesHaveTheirOwnSchemaWithNothingRequired() {
        List<String> patches = new ArrayList<>();
        operations((where, operation) -> {
            // A comment's edit has one member, its body, which cannot be removed: {} changes nothing and is refused.
            if (!where.startsWith("patch ") || "editComment".equals(operation.get("operationId"))) {
                return;
            }
            Map<String, Object> content = map(map(operation.get("requestBody")).get("content"));
            Map<String, Object> patch = map(content.get("application/merge-patch+json"));
            if (patch == null) {
                return;
            }
            Map<String, Object> schema = resolve(map(patch.get("schema")));
            assertTrue(list(schema.get("required")).isEmpty(), where + " requires nothing");
            patches.add(where + " " + map(patch.get("schema")).get("$ref"));
        });
        assertEquals(2, patches.size(), patches.toString());
        assertTrue(types(property("ArticlePatch", "byline")).contains("null"));
        assertTrue(types(property("ArticlePatch", "tags")).contains("null"));
        assertFalse(types(property("ArticlePatch", "headline")).contains("null"), "a headline cannot be removed");
        assertTrue(types(property("ParagraphPatch", "attribution")).contains("null"));
    }

    @Test
    void readsThatShowEditorsMoreDeclareOptionalAuthenticationAndTheirBadToken401() {
        Map<String, Object> anyone = Map.of();
        Map<String, Object> bearer = Map.of("jwt", List.of());
        for (String id : List.of("listArticles", "getArticle", "listParagraphs", "getParagraph", "deleteComment")) {
            Map<String, Object> operation = operation(id);
            assertEquals(List.of(bearer, anyone), operation.get("security"), id);
            assertNotNull(responses(operation).get("401"), id + " documents the 401 of a bad token");
        }
        assertEquals(List.of(), operation("listComments").get("security"), "public reads say so");
        assertEquals(List.of(Map.of("jwt", List.of("editor"))), operation("patchArticle").get("security"));
    }

    /**
     * Every GET, called as the document allows: answers 200 with an ETag, 304 to If-None-Match with that ETag, and
     * to a bearer token that is not valid either ignores it or answers 401, which its operation then documents.
     */
    @Test
    void everyReadAnswers304ToItsETagAndDocumentsTheAnswersABadTokenGets() {
        var article = Fixtures.publishedArticle(Fixtures.unique("contract"));
        String articleId = article.jsonPath().getString("id");
        String paragraphId = article.jsonPath().getString("paragraphs[0].id");
        String commentId = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "B"))
                .post("/api/v1/articles/{id}/comments", articleId).then().statusCode(201).extract().path("id")
                .toString();
        String webhookId = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/contract", "eventTypes", List.of("article.deleted")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().path("id").toString();
        List<String> checked = new ArrayList<>();
        operations((where, operation) -> {
            // A live stream (text/event-stream) has no end to read, no ETag and no 304: CommentStreamTest checks it.
            if (!where.startsWith("get ") || where.endsWith("/comments/stream")) {
                return;
            }
            String template = where.substring(4);
            String path = template.replace("/webhooks/{id}", "/webhooks/" + webhookId).replace("{ref}", articleId)
                    .replace("/paragraphs/{id}", "/paragraphs/" + paragraphId)
                    .replace("{id}", commentId).replace("{number}", "1")
                    + (template.endsWith("/diff") ? "?against=1" : "");
            boolean moderation = template.contains("/moderation/");
            // Revisions and webhooks are for editors only: called with an editor's token, whose 401 and 403 they
            // document.
            boolean editors = template.contains("/revisions") || template.startsWith("/api/v1/webhooks");
            var request = moderation
                    ? given().auth().oauth2(TestTokens.moderator())
                    : editors ? given().auth().oauth2(TestTokens.editor()) : given();
            Response first = request.get(path);
            assertEquals(200, first.statusCode(), where);
            String etag = first.header("ETag");
            assertNotNull(etag, where);
            assertNotNull(map(responses(operation).get("200")).get("headers"), where + " documents its headers");
            var again = moderation
                    ? given().auth().oauth2(TestTokens.moderator())
                    : editors ? given().auth().oauth2(TestTokens.editor()) : given();
            assertEquals(304, again.header("If-None-Match", etag).get(path).statusCode(), where);
            assertNotNull(responses(operation).get("304"), where + " documents 304");
            if (!moderation && !editors) {
                int status = given().auth().oauth2(TestTokens.forged()).get(path).statusCode();
                assertTrue(status == 200 || status == 401, where + ": " + status);
                if (status == 401) {
                    assertNotNull(responses(operation).get("401"), where + " documents the 401 of a bad token");
                }
                if (list(operation.get("security")).contains(Map.of())) {
                    assertEquals(401, status, where + " takes a token, so it checks one");
                }
            }
            checked.add(where);
        });
        given().auth().oauth2(TestTokens.editor()).delete("/api/v1/webhooks/" + webhookId).then().statusCode(204);
        assertEquals(19, checked.size(), checked.toString());
    }

    @Test
    void reportsAnswerTheirBodyAndTheDocumentSaysWhereAndWhatItIs() {
        Map<String, Object> accepted = map(responses(operation("reportComment")).get("202"));
        assertEquals(SCHEMAS + "ReportReceived", map(media(accepted, "application/json").get("schema")).get("$ref"));
        for (String status : List.of("401", "403")) {
            Map<String, Object> problem = map(responses(operation("decideComment")).get(status));
            assertNotNull(media(problem, "application/problem+json"), "decideComment " + status);
        }
        assertTrue(map(map(responses(operation("createArticle")).get("201")).get("headers")).containsKey("Location"));
        assertTrue(map(map(responses(operation("postComment")).get("429")).get("headers")).containsKey("Retry-After"));
        assertEquals(Set.of("ETag", "Last-Modified", "Link", "Location", "Retry-After", "Surrogate-Key", "Cache-Tag"),
                map(map(document.get("components")).get("headers")).keySet());
        Map<String, Object> article = map(responses(operation("getArticle")).get("200"));
        assertTrue(map(article.get("headers")).keySet().containsAll(Set.of("Surrogate-Key", "Cache-Tag")));
        assertEquals(List.of(Map.of("url", "/")), document.get("servers"));
        for (Object tag : list(document.get("tags"))) {
            assertNotNull(map(tag).get("description"), tag.toString());
        }
    }

    private static void operations(BiConsumer<String, Map<String, Object>> each) {
        map(document.get("paths")).forEach((path, item) -> map(item).forEach((method, operation) -> {
            if (METHODS.contains(method)) {
                each.accept(method + " " + path, map(operation));
            }
        }));
    }

    private static Map<String, Object> operation(String operationId) {
        List<Map<String, Object>> found = new ArrayList<>();
        operations((where, operation) -> {
            if (operationId.equals(operation.get("operationId"))) {
                found.add(operation);
            }
        });
        assertEquals(1, found.size(), operationId);
        return found.get(0);
    }

    private static Map<String, Object> responses(Map<String, Object> operation) {
        return map(operation.get("responses"));
    }

    private static Map<String, Object> media(Map<String, Object> response, String type) {
        Map<String, Object> content = map(response.get("content"));
        return content == null ? null : map(content.get(type));
    }

    private static Map<String, Object> component(String name) {
        Map<String, Object> schema = map(map(map(document.get("components")).get("schemas")).get(name));
        assertNotNull(schema, name);
        return schema;
    }

    private static Map<String, Object> property(String schema, String name) {
        Map<String, Object> property = map(map(component(schema).get("properties")).get(name));
        assertNotNull(property, schema + "." + name);
        return property;
    }

    private static Map<String, Object> resolve(Map<String, Object> schema) {
        Object ref = schema.get("$ref");
        return ref == null ? schema : component(ref.toString().substring(SCHEMAS.length()));
    }

    private static List<Object> types(Map<String, Object> schema) {
        Object type = schema.get("type");
        return type instanceof List<?> many ? new ArrayList<>(many) : type == null ? List.of() : List.of(type);
    }

    private static void collectPatterns(Object node, List<String> patterns) {
        if (node instanceof Map<?, ?> object) {
            object.forEach((key, value) -> {
                if ("pattern".equals(key) && value instanceof String pattern) {
                    patterns.add(pattern);
                } else {
                    collectPatterns(value, patterns);
                }
            });
        } else if (node instanceof List<?> array) {
            array.forEach(element -> collectPatterns(element, patterns));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return value == null ? List.of() : (List<Object>) value;
    }
}
