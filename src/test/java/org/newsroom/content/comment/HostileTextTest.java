package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ModerationQueue.queuePages;
import static org.newsroom.content.support.ProblemAssertions.problem;
import static org.newsroom.content.support.ProblemAssertions.problemOneOf;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.RawHttp;
import org.newsroom.content.support.TestTokens;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** What a hostile client may send in a comment: control characters, broken Unicode, huge bodies. Never a 5xx. */
@QuarkusTest
class HostileTextTest {

    private static final String CONTROL_MESSAGE = "must not contain control characters other than newline and tab";
    private static final ObjectMapper JSON = new ObjectMapper();

    // ---- control characters

    @Test
    void controlCharactersInTheBodyAreRefused() {
        long article = publishedArticle();
        for (String control : List.of("\u0000", "\u0007", "\u001b", "\u0085", "\u007f", "\u000b", "\u000c")) {
            String body = "before" + control + "after";
            invalid(article, Map.of("authorName", "Control", "body", body), "body")
                    .body("errors.message", contains(CONTROL_MESSAGE));
        }
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void anEscapedNulInTheJsonIsRefusedToo() {
        long article = publishedArticle();
        invalid(article, "{\"authorName\":\"Nul\",\"body\":\"a\\u0000b\"}", "body");
        invalid(article, "{\"authorName\":\"N\\u0000ul\",\"body\":\"fine\"}", "authorName");
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void controlCharactersInAnEditAreRefusedAndTheBodyStays() {
        long article = publishedArticle();
        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Editor", "body", "Clean"));
        long id = created.jsonPath().getLong("id");
        String path = "/api/v1/comments/" + id;
        for (String control : List.of("\u0000", "\u001b[31m", "\u0085")) {
            problem(given().header("Comment-Token", created.jsonPath().getString("token"))
                    .contentType(ContentType.JSON).body(Map.of("body", "x" + control)).patch(path).then(), 400,
                    "VALIDATION_FAILED", "validation", "Invalid request", path)
                    .body("errors.field", contains("body"));
        }
        given().get(path).then().statusCode(200).body("body", equalTo("Clean"));
    }

    @Test
    void newlinesAndTabsComeBackByteForByte() throws Exception {
        long article = publishedArticle();
        // CRLF is kept as LF, and the text is trimmed (what is stored is what was counted); the rest is as sent.
        String sent = "\n  line one\nline two\r\n\tindented\n\n\n  spaces  inside  \t\n";
        String body = "line one\nline two\n\tindented\n\n\n  spaces  inside";
        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Lines", "body", sent));
        assertSameBytes(body, bodyOf(created.asByteArray()));
        long id = created.jsonPath().getLong("id");
        assertSameBytes(body, bodyOf(given().get("/api/v1/comments/{id}", id).then().statusCode(200).extract()
                .asByteArray()));
        byte[] list = given().get(commentsPath(article)).then().statusCode(200).extract().asByteArray();
        assertSameBytes(body, JSON.readTree(list).get("items").get(0).get("body").asText());
    }

    // ---- broken Unicode

    @Test
    void aLoneSurrogateEscapeIsABadRequestNotAServerError() {
        long article = publishedArticle();
        invalid(article, "{\"authorName\":\"Half\",\"body\":\"a\\ud800b\"}", "body");
        invalid(article, "{\"authorName\":\"Half\",\"body\":\"low \\udc00 alone\"}", "body");
        invalid(article, "{\"authorName\":\"Half\",\"body\":\"ends with \\ud83d\"}", "body");
        invalid(article, "{\"authorName\":\"\\ud800\",\"body\":\"fine\"}", "authorName");
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
        // A proper pair is one character, and fine.
        given().contentType(ContentType.JSON).body("{\"authorName\":\"Whole\",\"body\":\"a\\ud83d\\ude00b\"}")
                .post(commentsPath(article)).then().statusCode(201).body("body", equalTo("a\uD83D\uDE00b"));
    }

    @Test
    void invalidUtf8BytesAreABadRequestNotAServerError() {
        long article = publishedArticle();
        List<byte[]> broken = List.of(
                bytes("{\"authorName\":\"Bytes\",\"body\":\"a", new byte[]{(byte) 0xc3, 0x28}, "b\"}"),
                bytes("{\"authorName\":\"Bytes\",\"body\":\"", new byte[]{(byte) 0xff, (byte) 0xfe}, "\"}"),
                bytes("{\"authorName\":\"Bytes\",\"body\":\"cut ", new byte[]{(byte) 0xe2, (byte) 0x82}, "\"}"),
                bytes("{\"authorName\":\"Bytes\",\"body\":\"surrogate ", new byte[]{(byte) 0xed, (byte) 0xa0,
                        (byte) 0x80}, "\"}"),
                bytes("{\"authorName\":\"", new byte[]{(byte) 0x80}, "\",\"body\":\"fine\"}"));
        List<String> accepted = new ArrayList<>();
        for (byte[] body : broken) {
            ExtractableResponse<Response> answer = given().contentType(ContentType.JSON).body(body)
                    .post(commentsPath(article)).then().extract();
            if (answer.statusCode() != 400) {
                accepted.add(HexFormat.ofDelimiter(" ").formatHex(body) + " -> " + answer.statusCode() + " "
                        + answer.asString());
                continue;
            }
            problemOneOf(answer.response().then(), commentsPath(article), "MALFORMED_REQUEST", "VALIDATION_FAILED");
        }
        assertEquals(List.of(), accepted, "every invalid UTF-8 body is a 400");
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void overlongUtf8IsABadRequest() {
        long article = publishedArticle();
        List<String> accepted = new ArrayList<>();
        for (byte[] overlong : List.of(new byte[]{(byte) 0xc0, (byte) 0xaf}, new byte[]{(byte) 0xc0, (byte) 0xbc},
                new byte[]{(byte) 0xc1, (byte) 0x81}, new byte[]{(byte) 0xe0, (byte) 0x80, (byte) 0xaf},
                new byte[]{(byte) 0xf0, (byte) 0x80, (byte) 0x80, (byte) 0xaf})) {
            byte[] body = bytes("{\"authorName\":\"Bytes\",\"body\":\"overlong ", overlong, "\"}");
            ExtractableResponse<Response> answer = given().contentType(ContentType.JSON).body(body)
                    .post(commentsPath(article)).then().extract();
            if (answer.statusCode() != 400) {
                accepted.add(HexFormat.ofDelimiter(" ").formatHex(overlong) + " -> " + answer.statusCode()
                        + " " + answer.jsonPath().getString("body"));
            }
        }
        assertEquals(List.of(), accepted, "every overlong UTF-8 form is a 400");
        given().get(commentsPath(article)).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void invalidUtf8InAnEditOrAReportIsABadRequestToo() {
        long article = publishedArticle();
        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Target", "body", "Intact"));
        long id = created.jsonPath().getLong("id");
        byte[] edit = bytes("{\"body\":\"a", new byte[]{(byte) 0xc3, 0x28}, "\"}");
        problemOneOf(given().header("Comment-Token", created.jsonPath().getString("token"))
                .contentType(ContentType.JSON).body(edit).patch("/api/v1/comments/{id}", id).then(),
                "/api/v1/comments/" + id, "MALFORMED_REQUEST", "VALIDATION_FAILED");
        byte[] report = bytes("{\"reason\":\"spam\",\"detail\":\"", new byte[]{(byte) 0xff}, "\"}");
        problemOneOf(given().contentType(ContentType.JSON).body(report).post("/api/v1/comments/{id}/reports", id)
                .then(), "/api/v1/comments/" + id + "/reports", "MALFORMED_REQUEST", "VALIDATION_FAILED");
        given().get("/api/v1/comments/{id}", id).then().statusCode(200).body("body", equalTo("Intact"));
    }

    // ---- size

    @Test
    void aCommentBodyOverSixtyFourKibibytesIsAPayloadTooLargeProblem() {
        long article = publishedArticle();
        String path = commentsPath(article);
        byte[] huge = ("{\"authorName\":\"Huge\",\"body\":\"" + "a".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        problem(given().contentType(ContentType.JSON).body(huge).post(path).then(), 413, "PAYLOAD_TOO_LARGE",
                "payload-too-large", "Payload too large", path)
                .body("detail", equalTo("The body is larger than the 65536 bytes allowed here"));
        given().get(path).then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void theSixtyFourKibibyteLimitIsCheckedOnTheDeclaredLengthBeforeReading() {
        long article = publishedArticle();
        String path = commentsPath(article);
        // Declares 70,000 bytes and sends none: the answer comes before the server waits for them.
        RawHttp.Response answer = RawHttp.send("127.0.0.1", RestAssured.port, "POST", path,
                Map.of("Content-Type", "application/json", "Content-Length", "70000"), null);
        problem(answer, "PAYLOAD_TOO_LARGE", path);
    }

    @Test
    void aChunkedCommentBodyIsCappedAtSixtyFourKibibytesAsItIsRead() {
        long article = publishedArticle();
        String path = commentsPath(article);
        // No Content-Length: only what is read can tell its size. 70,000 bytes in chunks of 8 KiB.
        byte[] huge = ("{\"authorName\":\"Chunked\",\"body\":\"" + "a".repeat(70_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        problem(chunked("POST", path, Map.of(), huge), "PAYLOAD_TOO_LARGE", path);
        given().get(path).then().statusCode(200).body("items", hasSize(0));

        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Target", "body", "Small"));
        String commentPath = "/api/v1/comments/" + created.jsonPath().getLong("id");
        problem(chunked("PATCH", commentPath, Map.of("Comment-Token", created.jsonPath().getString("token")),
                ("{\"body\":\"" + "b".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                "PAYLOAD_TOO_LARGE", commentPath);
        problem(chunked("POST", commentPath + "/reports", Map.of(),
                ("{\"reason\":\"spam\",\"detail\":\"" + "d".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8)),
                "PAYLOAD_TOO_LARGE", commentPath + "/reports");
        given().get(commentPath).then().statusCode(200).body("body", equalTo("Small"));
    }

    @Test
    void aChunkedCommentBodyUnderTheLimitIsReadAsUsual() {
        long article = publishedArticle();
        String path = commentsPath(article);
        String body = "Sent in chunks " + "c".repeat(4_000);
        RawHttp.Response answer = chunked("POST", path, Map.of(),
                ("{\"authorName\":\"Chunked\",\"body\":\"" + body + "\"}").getBytes(StandardCharsets.UTF_8));
        assertEquals(201, answer.status(), answer.bodyText());
        given().get(path).then().statusCode(200).body("items.body", contains(body));
        // Just under the limit: read whole, then judged by the length rule.
        byte[] big = ("{\"authorName\":\"Big\",\"body\":\"" + "a".repeat(60_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        problem(chunked("POST", path, Map.of(), big), "VALIDATION_FAILED", path);
    }

    @Test
    void justUnderTheLimitTheBodyIsReadAndJudgedByItsRules() {
        long article = publishedArticle();
        String path = commentsPath(article);
        byte[] big = ("{\"authorName\":\"Big\",\"body\":\"" + "a".repeat(60_000) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        assertTrue(big.length < 65_536);
        problem(given().contentType(ContentType.JSON).body(big).post(path).then(), 400, "VALIDATION_FAILED",
                "validation", "Invalid request", path)
                .body("errors.field", contains("body"))
                .body("errors.message", contains("must be at most 5000 characters long"));
    }

    @Test
    void editsAndReportsOverSixtyFourKibibytesArePayloadTooLargeToo() {
        long article = publishedArticle();
        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Target", "body", "Small"));
        long id = created.jsonPath().getLong("id");
        String commentPath = "/api/v1/comments/" + id;
        problem(given().header("Comment-Token", created.jsonPath().getString("token")).contentType(ContentType.JSON)
                .body(("{\"body\":\"" + "b".repeat(70_000) + "\"}").getBytes(StandardCharsets.UTF_8))
                .patch(commentPath).then(), 413, "PAYLOAD_TOO_LARGE", "payload-too-large", "Payload too large",
                commentPath);
        String reportPath = commentPath + "/reports";
        problem(given().contentType(ContentType.JSON)
                .body(("{\"reason\":\"spam\",\"detail\":\"" + "d".repeat(70_000) + "\"}")
                        .getBytes(StandardCharsets.UTF_8))
                .post(reportPath).then(), 413, "PAYLOAD_TOO_LARGE", "payload-too-large", "Payload too large",
                reportPath);
        given().get(commentPath).then().statusCode(200).body("body", equalTo("Small"));
    }

    // ---- text as sent

    @Test
    void textIsStoredNfcAndComesBackByteForByte() throws Exception {
        long article = publishedArticle();
        List<String> texts = List.of(
                "Caf\u0065\u0301 cr\u0065\u0300me br\u00fbl\u00e9e",
                "\u1100\u1161\u11a8 Hangul jamo",
                "A\u030a and \u212b (Angstrom sign)",
                "\u0645\u0631\u062d\u0628\u0627 \u05e9\u05dc\u05d5\u05dd \u202eevil\u202c",
                "\uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67 family, \uD83C\uDDF0\uD83C\uDDF7 flag",
                "\u6f22\u5b57\u304b\u306a\u4ea4\u3058\u308a",
                "<script>alert('x')</script> &amp; \"quotes\" \\ backslash",
                "line\u2028separator and zero\u200bwidth",
                "\uFEFFbyte order mark first");
        for (String sent : texts) {
            String stored = Normalizer.normalize(sent, Normalizer.Form.NFC);
            ExtractableResponse<Response> created = post(article, Map.of("authorName", "Unicode", "body", sent));
            assertSameBytes(stored, bodyOf(created.asByteArray()));
            long id = created.jsonPath().getLong("id");
            assertSameBytes(stored,
                    bodyOf(given().get("/api/v1/comments/{id}", id).then().statusCode(200).extract().asByteArray()));
        }
        List<String> listed = new ArrayList<>();
        JSON.readTree(given().queryParam("limit", 100).get(commentsPath(article)).then().statusCode(200).extract()
                .asByteArray()).get("items").forEach(item -> listed.add(item.get("body").asText()));
        assertEquals(texts.stream().map(text -> Normalizer.normalize(text, Normalizer.Form.NFC)).toList(), listed);
    }

    @Test
    void anAuthorNameIsStoredNfcToo() throws Exception {
        long article = publishedArticle();
        ExtractableResponse<Response> created = post(article,
                Map.of("authorName", "Zo\u0065\u0308 in Malm\u006f\u0308", "body", "Hej"));
        byte[] expected = "Zo\u00eb in Malm\u00f6".getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(expected,
                JSON.readTree(created.asByteArray()).get("authorName").asText().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anEditIsStoredNfcAndComesBackByteForByte() throws Exception {
        long article = publishedArticle();
        ExtractableResponse<Response> created = post(article, Map.of("authorName", "Editor", "body", "before"));
        long id = created.jsonPath().getLong("id");
        String sent = "na\u0069\u0308ve r\u0065\u0301sum\u0065\u0301\n\tand \uD83D\uDE00";
        byte[] edited = given().header("Comment-Token", created.jsonPath().getString("token"))
                .contentType(ContentType.JSON).body(Map.of("body", sent)).patch("/api/v1/comments/{id}", id)
                .then().statusCode(200).extract().asByteArray();
        String stored = Normalizer.normalize(sent, Normalizer.Form.NFC);
        assertSameBytes(stored, bodyOf(edited));
        assertSameBytes(stored,
                bodyOf(given().get("/api/v1/comments/{id}", id).then().statusCode(200).extract().asByteArray()));
    }

    // ---- private data

    @Test
    void noEmailNorClientAddressAppearsInAnyResponse() {
        long article = publishedArticle();
        String email = Fixtures.unique("hidden") + "@example.org";
        List<String> answers = new ArrayList<>();

        ExtractableResponse<Response> root = post(article,
                Map.of("authorName", "Private", "authorEmail", email, "body", "Published, with an address"));
        answers.add(root.asString());
        long rootId = root.jsonPath().getLong("id");
        ExtractableResponse<Response> reply = post(article, Map.of("authorName", "Private reply",
                "authorEmail", email, "body", "A reply", "parentId", rootId));
        answers.add(reply.asString());
        ExtractableResponse<Response> held = post(article, Map.of("authorName", "Held", "authorEmail", email,
                "body", "badword with an address"));
        answers.add(held.asString());
        long heldId = held.jsonPath().getLong("id");

        answers.add(given().get("/api/v1/comments/{id}", rootId).then().statusCode(200).extract().asString());
        ExtractableResponse<Response> heldRead = given().header("Comment-Token", held.jsonPath().getString("token"))
                .get("/api/v1/comments/{id}", heldId).then().statusCode(200).extract();
        answers.add(heldRead.asString());
        answers.add(given().get(commentsPath(article)).then().statusCode(200).extract().asString());
        answers.add(given().get("/api/v1/comments/{id}/replies", rootId).then().statusCode(200).extract()
                .asString());
        answers.add(given().header("Comment-Token", root.jsonPath().getString("token")).contentType(ContentType.JSON)
                .body(Map.of("body", "Edited, still with an address")).patch("/api/v1/comments/{id}", rootId)
                .then().statusCode(200).extract().asString());
        answers.add(given().contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post("/api/v1/comments/{id}/reports", rootId).then().statusCode(202).extract().asString());
        // Every page of the queues: they hold the held and reported comments of every test in this JVM.
        List<String> queue = queuePages(null);
        answers.addAll(queue);
        answers.addAll(queuePages("reported"));
        answers.add(given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON)
                .header("If-Match", heldRead.header("ETag")).body(Map.of("action", "approve"))
                .post("/api/v1/moderation/comments/{id}/decision", heldId).then()
                .statusCode(200).extract().asString());

        for (String answer : answers) {
            assertFalse(answer.contains(email), answer);
            assertFalse(answer.contains("authorEmail"), answer);
            assertFalse(answer.contains("clientAddress"), answer);
            assertFalse(answer.contains("127.0.0.1"), answer);
            assertFalse(answer.contains("0:0:0:0:0:0:0:1"), answer);
            assertFalse(answer.contains("tokenHash"), answer);
        }
        assertTrue(
                queue.stream().anyMatch(page -> JsonPath.from(page).getList("items.id", Long.class).contains(heldId)),
                "the held comment was in the queue that was checked");
    }

    @Test
    void anInvalidEmailIsNotEchoedInTheProblem() {
        long article = publishedArticle();
        String email = "not an address " + Fixtures.unique("echo");
        String answer = invalid(article, Map.of("authorName", "Mailer", "authorEmail", email, "body", "Hi"),
                "authorEmail").extract().asString();
        assertFalse(answer.contains(email), answer);
    }

    // ---- helpers

    private static ExtractableResponse<Response> post(long article, Map<String, Object> body) {
        return given().contentType(ContentType.JSON).body(body).post(commentsPath(article)).then().statusCode(201)
                .extract();
    }

    private static ValidatableResponse invalid(long article, Object body, String field) {
        return problem(given().contentType(ContentType.JSON).body(body).post(commentsPath(article)).then(), 400,
                "VALIDATION_FAILED", "validation", "Invalid request", commentsPath(article))
                .body("detail", equalTo("1 field is invalid"))
                .body("errors.field", contains(field));
    }

    /** A JSON request whose body is sent in chunks of 8 KiB, without a Content-Length. */
    private static RawHttp.Response chunked(String method, String path, Map<String, String> headers, byte[] body) {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Connection: close\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
            try {
                for (int at = 0; at < body.length; at += 8192) {
                    int size = Math.min(8192, body.length - at);
                    out.write((Integer.toHexString(size) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(body, at, size);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException answeredBeforeTheEnd) {
                // The service may answer and close before the last chunk: the answer is still there to read.
            }
            return RawHttp.read(new BufferedInputStream(socket.getInputStream()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code body} field of a JSON answer, decoded from its raw UTF-8 bytes. */
    private static String bodyOf(byte[] json) throws Exception {
        return JSON.readTree(json).get("body").asText();
    }

    private static void assertSameBytes(String expected, String actual) {
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8),
                () -> "expected <" + expected + "> but was <" + actual + ">");
    }

    private static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static long publishedArticle() {
        return Fixtures.publishedArticle(Fixtures.unique("hostile")).jsonPath().getLong("id");
    }

    private static String commentsPath(long article) {
        return "/api/v1/articles/" + article + "/comments";
    }
}
