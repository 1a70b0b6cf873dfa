package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anything;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a hostile client may put in a write, one line per case (docs/http-api.md §1, §5, §6): the field, the value as
 * the client sends it, and what it must get: a 400 naming that field with nothing stored, or the write with exactly
 * the text that was counted stored. A new case is one more line in {@link #cases()}.
 */
@QuarkusTest
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Where a value is sent: each with a valid body that the case changes in one field. */
    enum Target {

        /** {@code POST /articles/{ref}/comments}. */
        COMMENT(201),
        /** {@code PATCH /comments/{id}} with the comment's token. */
        EDIT(200),
        /** {@code POST /comments/{id}/reports}. */
        REPORT(202),
        /** {@code POST /moderation/comments/{id}/decision} (a rejection: a stored one would hide the comment). */
        DECISION(200),
        /** {@code POST /articles}, JSON; {@code paragraphs[0].text} is a block inside it. */
        ARTICLE(201),
        /** {@code PATCH /articles/{ref}}, a merge patch of one field. */
        ARTICLE_PATCH(200),
        /** {@code POST /articles/{ref}/paragraphs}. */
        BLOCK(201),
        /** {@code POST /articles} in the plain-text format: the field is a line of the document. */
        TEXT_IMPORT(201);

        final int success;

        Target(int success) {
            this.success = success;
        }
    }

    /** One line of the table: {@code code} null means the write succeeds and {@code stored} is what is kept. */
    record Case(Target target, String field, Object sent, String code, Object stored) {

        @Override
        public String toString() {
            String shown = sent instanceof String text && text.length() > 40
                    ? printable(text.substring(0, 20)) + "...(" + text.length() + " chars)"
                    : sent instanceof String text ? printable(text) : String.valueOf(sent);
            return target + " " + field + " = " + shown + " -> " + (code == null
                    ? "stored " + printable(
                            String.valueOf(stored))
                    : code);
        }
    }

    private static final String SPACES = " ".repeat(60_000);
    private static final String MANY_SPACES = " ".repeat(900_000);

    static Stream<Case> cases() {
        return Stream.of(
                // 1. What is stored is what was counted: NFC, CRLF as LF, trimmed.
                stored(Target.COMMENT, "body", "x" + SPACES, "x"),
                stored(Target.COMMENT, "body", "\n\n  Hello\n  there \t\n", "Hello\n  there"),
                stored(Target.COMMENT, "authorName", "   Reader in Busan   ", "Reader in Busan"),
                stored(Target.COMMENT, "authorName", "a".repeat(80) + " ".repeat(2_000), "a".repeat(80)),
                stored(Target.COMMENT, "body", "Caf\u0065\u0301", "Caf\u00e9"),
                stored(Target.EDIT, "body", "edited" + SPACES, "edited"),
                // Not readable through the API: had the padding been stored, the SQL CHECK would have made it a 409.
                stored(Target.REPORT, "detail", "see above" + SPACES, null),
                stored(Target.DECISION, "reason", "off topic" + MANY_SPACES, null),
                refused(Target.COMMENT, "authorName", "a".repeat(81)),
                refused(Target.COMMENT, "body", " ".repeat(100) + "b".repeat(5_001)),
                refused(Target.REPORT, "detail", "d".repeat(1_001)),
                refused(Target.DECISION, "reason", "r".repeat(1_001)),

                // 3. A JSON value of the wrong type is refused, never converted.
                refused(Target.COMMENT, "authorName", 123),
                refused(Target.COMMENT, "authorName", 12.5),
                refused(Target.COMMENT, "authorName", true),
                refused(Target.COMMENT, "authorName", List.of("Reader")),
                refused(Target.COMMENT, "authorName", Map.of("name", "Reader")),
                refused(Target.COMMENT, "body", false),
                refused(Target.COMMENT, "parentId", Parent.AS_STRING),
                refused(Target.COMMENT, "parentId", Parent.AS_FLOAT),
                refused(Target.COMMENT, "parentId", ""),
                refused(Target.COMMENT, "parentId", 5.5),
                refused(Target.COMMENT, "parentId", true),
                refused(Target.EDIT, "body", 5),
                refused(Target.REPORT, "reason", 1),
                refused(Target.DECISION, "action", true),
                refused(Target.ARTICLE, "headline", 42),
                refused(Target.ARTICLE, "commentsOpen", "false"),
                refused(Target.ARTICLE, "commentsOpen", 0),
                refused(Target.ARTICLE, "tags[0]", 7),
                refused(Target.ARTICLE, "publishedAt", 1_690_000_000),
                refused(Target.ARTICLE, "publishedAt", ""),
                refused(Target.ARTICLE, "paragraphs[0].text", 7),
                refused(Target.ARTICLE_PATCH, "commentsOpen", "false"),
                refused(Target.ARTICLE_PATCH, "headline", 42),
                refused(Target.ARTICLE_PATCH, "publishedAt", 0),
                refused(Target.BLOCK, "position", "1"),
                refused(Target.BLOCK, "position", 1.5),
                refused(Target.BLOCK, "text", 1e3),

                // 13. What XML 1.0 cannot carry (U+FFFE, U+FFFF) would break the feeds: refused in every text field.
                refused(Target.ARTICLE, "headline", "Broken \uFFFF feed"),
                refused(Target.ARTICLE, "headline", "\uFFFE"),
                refused(Target.ARTICLE, "subheadline", "sub \uFFFF"),
                refused(Target.ARTICLE, "dateline", "SEOUL\uFFFF"),
                refused(Target.ARTICLE, "byline", "\uFFFFby"),
                refused(Target.ARTICLE, "paragraphs[0].text", "text \uFFFE"),
                refused(Target.ARTICLE_PATCH, "headline", "patched \uFFFF"),
                refused(Target.ARTICLE, "paragraphs[0].attribution", "\uFFFF"),
                refused(Target.BLOCK, "text", "block \uFFFF"),
                refused(Target.TEXT_IMPORT, "headline", "Imported \uFFFF headline"),
                refused(Target.TEXT_IMPORT, "paragraphs[0].text", "Imported \uFFFE text"),
                refused(Target.COMMENT, "authorName", "Name \uFFFF"),
                refused(Target.COMMENT, "body", "Body \uFFFE"),
                refused(Target.EDIT, "body", "\uFFFF"),
                refused(Target.REPORT, "detail", "detail \uFFFF"),
                refused(Target.DECISION, "reason", "reason \uFFFE"),
                stored(Target.COMMENT, "body", "\uFFFD \uDBFF\uDFFD \uD83D\uDE00 ]]> &amp; <p>",
                        "\uFFFD \uDBFF\uDFFD \uD83D\uDE00 ]]> &amp; <p>"),

                // 14. A lone carriage return is refused; CRLF is kept as LF. No bidi overrides in one-line fields.
                refused(Target.COMMENT, "body", "overwritten\rline"),
                refused(Target.COMMENT, "body", "ends in CR\r"),
                refused(Target.EDIT, "body", "a\r\rb"),
                refused(Target.REPORT, "detail", "a\rb"),
                refused(Target.DECISION, "reason", "a\rb"),
                stored(Target.COMMENT, "body", "one\r\ntwo\r\n\r\nthree", "one\ntwo\n\nthree"),
                stored(Target.EDIT, "body", "one\r\ntwo", "one\ntwo"),
                refused(Target.COMMENT, "authorName", "admin\u202Enimda"),
                refused(Target.COMMENT, "authorName", "\u202Aleft"),
                refused(Target.COMMENT, "authorName", "\u202Bright"),
                refused(Target.COMMENT, "authorName", "\u202Cpop"),
                refused(Target.COMMENT, "authorName", "\u202Doverride"),
                refused(Target.COMMENT, "authorName", "\u2066isolate"),
                refused(Target.COMMENT, "authorName", "\u2067isolate"),
                refused(Target.COMMENT, "authorName", "\u2068isolate"),
                refused(Target.COMMENT, "authorName", "isolate\u2069"),
                refused(Target.ARTICLE, "headline", "Breaking \u202Eswen"),
                refused(Target.ARTICLE, "byline", "\u2067By\u2069"),
                refused(Target.ARTICLE, "paragraphs[0].attribution", "\u202Dsomeone"),
                refused(Target.BLOCK, "text", "\u202Etxet"),
                refused(Target.TEXT_IMPORT, "headline", "\u202Eenildaeh"),
                // Right-to-left text itself is fine, and so are the marks (not overrides) in a name.
                stored(Target.COMMENT, "authorName", "\u05e9\u05dc\u05d5\u05dd \u200Freader",
                        "\u05e9\u05dc\u05d5\u05dd \u200Freader"),
                stored(Target.ARTICLE, "headline", "\u0645\u0631\u062d\u0628\u0627 world",
                        "\u0645\u0631\u062d\u0628\u0627 world"));
    }

    /** The id of a published comment of the same article, sent as a string or as a float: a valid parent otherwise. */
    enum Parent {
        AS_STRING, AS_FLOAT
    }

    private static Case refused(Target target, String field, Object sent) {
        return new Case(target, field, sent, "VALIDATION_FAILED", null);
    }

    private static Case stored(Target target, String field, Object sent, Object stored) {
        return new Case(target, field, sent, null, stored);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachHostileValueGetsItsAnswer(Case hostile) throws Exception {
        switch (hostile.target()) {
            case COMMENT -> comment(hostile);
            case EDIT -> edit(hostile);
            case REPORT -> report(hostile);
            case DECISION -> decision(hostile);
            case ARTICLE -> article(hostile);
            case ARTICLE_PATCH -> articlePatch(hostile);
            case BLOCK -> block(hostile);
            case TEXT_IMPORT -> textImport(hostile);
        }
    }

    // ---- each target: send the case, check the answer and what is stored

    private static void comment(Case hostile) throws Exception {
        long article = publishedArticle();
        String path = "/api/v1/articles/" + article + "/comments";
        Map<String, Object> body = with(Map.of("authorName", "Reader", "body", "Fine words"), hostile);
        if (hostile.sent() instanceof Parent parent) {
            long id = postComment(article).jsonPath().getLong("id");
            body.put("parentId", parent == Parent.AS_STRING ? String.valueOf(id) : (Object) (double) id);
        }
        ExtractableResponse<Response> answer = send(given(), "POST", path, body, hostile);
        if (hostile.code() == null) {
            assertStored(hostile, answer.asByteArray());
            assertStored(hostile, given().get("/api/v1/comments/{id}", answer.jsonPath().getLong("id")).then()
                    .statusCode(200).extract().asByteArray());
        } else {
            given().get(path).then().statusCode(200).body("items", hasSize(hostile.sent() instanceof Parent ? 1 : 0))
                    .body("items[0].replyCount", hostile.sent() instanceof Parent ? equalTo(0) : anything());
        }
    }

    private static void edit(Case hostile) throws Exception {
        ExtractableResponse<Response> created = postComment(publishedArticle());
        String path = "/api/v1/comments/" + created.jsonPath().getLong("id");
        ExtractableResponse<Response> answer = send(
                given().header("Comment-Token", created.jsonPath().getString("token")), "PATCH", path,
                with(Map.of("body", "Edited"), hostile), hostile);
        byte[] current = given().get(path).then().statusCode(200).extract().asByteArray();
        if (hostile.code() == null) {
            assertStored(hostile, answer.asByteArray());
            assertStored(hostile, current);
        } else {
            assertEquals("Original words", JSON.readTree(current).get("body").asText(), "the body stays");
        }
    }

    private static void report(Case hostile) {
        long comment = postComment(publishedArticle()).jsonPath().getLong("id");
        send(given(), "POST", "/api/v1/comments/" + comment + "/reports",
                with(Map.of("reason", "spam", "detail", "Looks automated"), hostile), hostile);
    }

    private static void decision(Case hostile) {
        long comment = postComment(publishedArticle()).jsonPath().getLong("id");
        // A decision names the version it was made on (If-Match): the published comment's ETag, as readers see it.
        String etag = given().get("/api/v1/comments/{id}", comment).then().statusCode(200).extract().header("ETag");
        send(given().auth().oauth2(TestTokens.moderator()).header("If-Match", etag), "POST",
                "/api/v1/moderation/comments/" + comment + "/decision",
                with(Map.of("action", "reject", "reason", "Off topic"), hostile), hostile);
        // A refused decision changes nothing: the comment is still there for readers.
        given().get("/api/v1/comments/{id}", comment).then().statusCode(hostile.code() == null ? 404 : 200);
    }

    private static void article(Case hostile) throws Exception {
        String slug = Fixtures.unique("hostile-input");
        Map<String, Object> block = new LinkedHashMap<>(Map.of("type", "pullquote", "text", "Quoted."));
        block.put("attribution", "Someone");
        Map<String, Object> base = new LinkedHashMap<>(Map.of("slug", slug, "headline", "A fine headline",
                "status", "published", "publishedAt", Instant.now().minusSeconds(60).toString(), "tags",
                new ArrayList<>(List.of("one")), "paragraphs", new ArrayList<>(List.of(block))));
        ExtractableResponse<Response> answer = send(given().auth().oauth2(TestTokens.editor()), "POST",
                "/api/v1/articles", with(base, hostile), hostile);
        ExtractableResponse<Response> stored = given().auth().oauth2(TestTokens.editor())
                .get("/api/v1/articles/{slug}", slug).then().extract();
        if (hostile.code() == null) {
            assertStored(hostile, answer.asByteArray());
            assertStored(hostile, stored.asByteArray());
        } else {
            assertEquals(404, stored.statusCode(), "nothing stored");
        }
    }

    private static void articlePatch(Case hostile) throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("hostile")).jsonPath().getLong("id");
        String path = "/api/v1/articles/" + article;
        Map<String, Object> patch = with(Map.of(), hostile);
        ExtractableResponse<Response> answer = given().auth().oauth2(TestTokens.editor()).header("If-Match", "*")
                .contentType("application/merge-patch+json; charset=utf-8").body(JSON.writeValueAsBytes(patch))
                .patch(path).then().extract();
        expect(hostile, answer, path);
        byte[] stored = given().auth().oauth2(TestTokens.editor()).get(path).then().statusCode(200).extract()
                .asByteArray();
        if (hostile.code() == null) {
            assertStored(hostile, stored);
        } else {
            assertEquals(true, JSON.readTree(stored).get("commentsOpen").asBoolean(), "nothing stored");
            assertEquals(true, JSON.readTree(stored).get("headline").asText().startsWith("Published story"),
                    "nothing stored");
        }
    }

    private static void block(Case hostile) throws Exception {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("hostile"));
        long article = created.jsonPath().getLong("id");
        String etag = given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", article).then()
                .statusCode(200).extract().header("ETag");
        ExtractableResponse<Response> answer = send(given().auth().oauth2(TestTokens.editor()).header("If-Match", etag),
                "POST", "/api/v1/articles/" + article + "/paragraphs",
                with(Map.of("type", "paragraph", "text", "New block"), hostile), hostile);
        int count = given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", article).then()
                .statusCode(200).extract().path("paragraphCount");
        if (hostile.code() == null) {
            assertStored(hostile, answer.asByteArray());
        } else {
            assertEquals(3, count, "nothing stored");
        }
    }

    private static void textImport(Case hostile) {
        String headline = Fixtures.unique("Imported story");
        String first = "First paragraph.";
        String value = (String) hostile.sent();
        if (hostile.field().equals("headline")) {
            headline = value;
        } else {
            first = value;
        }
        String document = headline + "\n\n" + first + "\n";
        ExtractableResponse<Response> answer = given().auth().oauth2(TestTokens.editor())
                .contentType("text/plain; charset=utf-8").body(document.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/articles").then().extract();
        expect(hostile, answer, "/api/v1/articles");
    }

    // ---- helpers

    private static ExtractableResponse<Response> send(RequestSpecification request, String method, String path,
            Map<String, Object> body, Case hostile) {
        ExtractableResponse<Response> answer = request.contentType(ContentType.JSON).body(body).request(method, path)
                .then().extract();
        expect(hostile, answer, path);
        return answer;
    }

    private static void expect(Case hostile, ExtractableResponse<Response> answer, String path) {
        if (hostile.code() == null) {
            assertEquals(hostile.target().success, answer.statusCode(), answer.asString());
            return;
        }
        problem(answer.response().then(), hostile.code(), path).body("errors.field", contains(hostile.field()))
                .body("detail", equalTo("1 field is invalid"));
    }

    private static void assertStored(Case hostile, byte[] json) throws Exception {
        var node = JSON.readTree(json);
        for (String part : hostile.field().replace("[0]", ".0").split("\\.")) {
            node = part.matches("\\d+") ? node.get(Integer.parseInt(part)) : node.get(part);
        }
        assertEquals(hostile.stored(), node.asText(), "stored as counted");
    }

    /** {@code base} with the case's field set to its value ({@code paragraphs[0].text}, {@code tags[0]} too). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> with(Map<String, Object> base, Case hostile) {
        Map<String, Object> body = new HashMap<>(base);
        String field = hostile.field();
        if (field.startsWith("paragraphs[0].")) {
            List<Object> blocks = new ArrayList<>((List<Object>) body.get("paragraphs"));
            Map<String, Object> block = new HashMap<>((Map<String, Object>) blocks.get(0));
            block.put(field.substring("paragraphs[0].".length()), hostile.sent());
            blocks.set(0, block);
            body.put("paragraphs", blocks);
        } else if (field.startsWith("tags[0]")) {
            List<Object> tags = new ArrayList<>((List<Object>) body.get("tags"));
            tags.set(0, hostile.sent());
            body.put("tags", tags);
        } else {
            body.put(field, hostile.sent());
        }
        return body;
    }

    private static ExtractableResponse<Response> postComment(long article) {
        return given().contentType(ContentType.JSON).body(Map.of("authorName", "Author", "body", "Original words"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract();
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("hostile")).jsonPath().getLong("id");
    }

    static String printable(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c < 0x20 || c > 0x7e
                ? String.format("\\u%04X", c)
                : String.valueOf((char) c)));
        return out.toString();
    }

    // ---- a body without a Content-Type (point 3): 415 on every write route, nothing stored

    /**
     * Every write route that takes a body, with a body it would take as JSON: {a} is an article, {p} one of its blocks,
     * {c} a comment on it, {s} a new slug.
     */
    static Stream<String> writeRoutes() {
        return Stream.of("POST /api/v1/articles {\"slug\":\"{s}\",\"headline\":\"Untyped\"}",
                "PUT /api/v1/articles/{a} {\"headline\":\"Untyped\"}",
                "PATCH /api/v1/articles/{a} {\"headline\":\"Untyped\"}",
                "POST /api/v1/articles/{a}/paragraphs {\"type\":\"paragraph\",\"text\":\"Untyped\"}",
                "PUT /api/v1/articles/{a}/paragraphs/{p} {\"type\":\"paragraph\",\"text\":\"Untyped\"}",
                "PATCH /api/v1/articles/{a}/paragraphs/{p} {\"text\":\"Untyped\"}",
                "POST /api/v1/articles/{a}/comments {\"authorName\":\"Untyped\",\"body\":\"Untyped\"}",
                "PATCH /api/v1/comments/{c} {\"body\":\"Untyped\"}",
                "POST /api/v1/comments/{c}/reports {\"reason\":\"spam\"}",
                "POST /api/v1/moderation/comments/{c}/decision {\"action\":\"reject\"}");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writeRoutes")
    void aBodyWithoutContentTypeIsAnUnsupportedMediaTypeProblem(String route) {
        ExtractableResponse<Response> created = Fixtures.publishedArticle(Fixtures.unique("untyped"));
        long article = created.jsonPath().getLong("id");
        ExtractableResponse<Response> comment = postComment(article);
        long commentId = comment.jsonPath().getLong("id");
        String slug = Fixtures.unique("untyped-article");
        String[] parts = route.replace("{a}", String.valueOf(article))
                .replace("{p}", created.jsonPath().getString("paragraphs[0].id"))
                .replace("{c}", String.valueOf(commentId)).replace("{s}", slug).split(" ", 3);
        String method = parts[0];
        String path = parts[1];
        Map<String, String> headers = new HashMap<>();
        if (path.contains("/moderation/")) {
            headers.put("Authorization", "Bearer " + TestTokens.moderator());
        } else if (path.startsWith("/api/v1/comments/") && method.equals("PATCH")) {
            headers.put("Comment-Token", comment.jsonPath().getString("token"));
        } else if (!path.contains("comments")) {
            headers.put("Authorization", "Bearer " + TestTokens.editor());
            headers.put("If-Match", "*");
        }
        RawHttp.Response answer = RawHttp.send("127.0.0.1", RestAssured.port, method, path, headers,
                parts[2].getBytes(StandardCharsets.UTF_8));
        problem(answer, "UNSUPPORTED_MEDIA_TYPE", path);
        // Nothing stored: no new article, the article and its blocks as they were, no new comment, no edit, no
        // decision (a rejection would hide the comment from readers).
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{slug}", slug).then().statusCode(404);
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", article).then()
                .statusCode(200).body("paragraphCount", equalTo(3)).body(not(containsString("Untyped")));
        given().get("/api/v1/articles/{id}/comments", article).then().statusCode(200)
                .body("items", hasSize(1)).body(not(containsString("Untyped")));
        given().get("/api/v1/comments/{id}", commentId).then().statusCode(200)
                .body("body", equalTo("Original words"));
    }
}
