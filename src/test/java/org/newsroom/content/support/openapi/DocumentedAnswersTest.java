package org.newsroom.content.support.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;

/** What the response check finds, on a small OpenAPI 3.1 document written here. */
class DocumentedAnswersTest {

    private static final String DOCUMENT = """
            {
              "openapi": "3.1.0",
              "info": {"title": "t", "version": "1"},
              "paths": {
                "/api/v1/things/{ref}": {
                  "get": {"responses": {
                    "200": {"description": "a thing", "content": {
                      "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}},
                      "text/plain;charset=utf-8": {"schema": {"type": "string"}}}},
                    "304": {"description": "unchanged"},
                    "4XX": {"description": "a problem", "content": {
                      "application/problem+json": {"schema": {"$ref": "#/components/schemas/Problem"}}}}}}
                },
                "/api/v1/things/count": {
                  "get": {"responses": {"200": {"description": "how many", "content": {
                    "application/json": {"schema": {"type": "integer"}}}}}},
                  "post": {"responses": {"202": {"description": "accepted, no body"}}}
                },
                "/api/v1/lists": {
                  "get": {"responses": {"200": {"description": "a list", "content": {
                    "application/json": {"schema": {}}}}}}
                }
              },
              "components": {"schemas": {
                "Thing": {"type": "object", "required": ["id", "name"], "properties": {
                  "id": {"type": "integer", "format": "int64"},
                  "name": {"type": "string"},
                  "editedAt": {"type": ["string", "null"], "format": "date-time"}}},
                "Problem": {"type": "object", "required": ["status"], "properties": {
                  "status": {"type": "integer"}}}
              }}
            }
            """;

    private final DocumentedAnswers answers = DocumentedAnswers.parse(DOCUMENT);

    private List<DocumentedAnswers.Mismatch> check(String method, String path, int status, String type, String body) {
        return answers.check(method, path, status, type, body == null ? null : body.getBytes(StandardCharsets.UTF_8));
    }

    private static void assertOneMismatch(List<DocumentedAnswers.Mismatch> mismatches, String groupPart) {
        assertEquals(1, mismatches.size(), mismatches.toString());
        assertTrue(mismatches.get(0).group().contains(groupPart), mismatches.toString());
    }

    @Test
    void acceptsAnAnswerThatMatchesItsSchemaWithNullWhereTheSchemaAllowsIt() {
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 200, "application/json;charset=UTF-8",
                "{\"id\":7,\"name\":\"seven\",\"editedAt\":null}"));
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 200, "application/json",
                "{\"id\":7,\"name\":\"seven\",\"editedAt\":\"2026-01-02T03:04:05Z\"}"));
    }

    @Test
    void readsAGzipBodyAsSent() throws IOException {
        ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
            out.write("{\"id\":7,\"name\":null}".getBytes(StandardCharsets.UTF_8));
        }
        List<DocumentedAnswers.Mismatch> mismatches = answers.check("GET", "/api/v1/things/7", 200,
                "application/json", gzipped.toByteArray());
        assertOneMismatch(mismatches, "/name type");
    }

    @Test
    void refusesNullWhereTheSchemaDoesNotSayNullable() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 200, "application/json", "{\"id\":7,\"name\":null}"),
                "GET /api/v1/things/{ref} 200: /name type");
    }

    @Test
    void refusesAnAnswerWithoutARequiredProperty() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 200, "application/json", "{\"id\":7}"), "required");
    }

    @Test
    void refusesAPropertyTheDocumentDoesNotName() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 200, "application/json",
                "{\"id\":7,\"name\":\"n\",\"colour\":\"red\"}"), "colour");
    }

    @Test
    void refusesAValueThatIsNotInItsFormat() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 200, "application/json",
                "{\"id\":7,\"name\":\"n\",\"editedAt\":\"yesterday\"}"), "format");
    }

    @Test
    void refusesAStatusTheOperationDoesNotDocumentButAcceptsARangeAndAnEmpty304() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 500, "application/problem+json", "{\"status\":500}"),
                "GET /api/v1/things/{ref} 500: status not documented");
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 404, "application/problem+json", "{\"status\":404}"));
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 304, null, ""));
    }

    @Test
    void refusesAMediaTypeTheAnswerDoesNotListButAcceptsAnyParameters() {
        assertOneMismatch(check("GET", "/api/v1/things/7", 200, "application/xml", "<thing/>"),
                "media type application/xml not documented");
        assertEquals(List.of(), check("GET", "/api/v1/things/7", 200, "text/plain; charset=UTF-8", "seven"));
    }

    @Test
    void refusesABodyWhereTheAnswerDocumentsNone() {
        assertOneMismatch(check("POST", "/api/v1/things/count", 202, "application/json", "{\"id\":1}"),
                "body not documented");
    }

    @Test
    void prefersTheLiteralPathOverATemplate() {
        assertEquals(List.of(), check("GET", "/api/v1/things/count", 200, "application/json", "3"));
    }

    @Test
    void reportsAListDocumentedWithoutASchema() {
        assertOneMismatch(check("GET", "/api/v1/lists", 200, "application/json", "[]"), "no schema");
    }

    @Test
    void holdsHeadToTheGetStatusesWithoutABody() {
        assertEquals(List.of(), check("HEAD", "/api/v1/things/7", 200, "application/json", ""));
        assertOneMismatch(check("HEAD", "/api/v1/things/7", 500, "application/json", ""), "status not documented");
    }

    @Test
    void leavesUndocumentedPathsAloneExceptSuccessesUnderTheApi() {
        assertEquals(List.of(), check("GET", "/reader.js", 200, "text/javascript", "x"));
        assertEquals(List.of(), check("GET", "/api/v1/nothing", 404, "application/problem+json", "{}"));
        assertOneMismatch(check("GET", "/api/v1/nothing", 200, "application/json", "{}"), "undocumented path");
        assertEquals(List.of(), check("DELETE", "/api/v1/lists", 405, "application/problem+json", "{}"));
        assertEquals(List.of(), check("OPTIONS", "/api/v1/lists", 200, null, ""));
    }

    @Test
    void readsThePathOfAnyUri() {
        assertEquals("/api/v1/things/7", DocumentedAnswers.rawPath("http://localhost:1234/api/v1/things/7?x=1#y"));
        assertEquals("/", DocumentedAnswers.rawPath("http://localhost:1234"));
        assertEquals("/a b", DocumentedAnswers.rawPath("http://localhost:1234/a b?q"));
    }
}
