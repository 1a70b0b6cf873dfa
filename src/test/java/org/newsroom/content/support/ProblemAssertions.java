package org.newsroom.content.support;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;

/** The whole RFC 9457 problem body, as every error test asserts it (its trace id included). */
public final class ProblemAssertions {

    /** The media type of every error answer. */
    public static final String PROBLEM = "application/problem+json";

    private static final String TYPE_BASE = "https://content.example/problems/";
    /** Every problem names its request's trace (README: Traces and logs). */
    private static final String TRACE_ID = "[0-9a-f]{32}";

    /** What a client sees of each stable code (docs/http-api.md §6): its status, type and title. */
    private record Kind(int status, String slug, String title) {
    }

    private static final Map<String, Kind> CODES = Map.ofEntries(
            Map.entry("VALIDATION_FAILED", new Kind(400, "validation", "Invalid request")),
            Map.entry("MALFORMED_REQUEST", new Kind(400, "malformed-request", "Malformed request")),
            Map.entry("UNKNOWN_PARAMETER", new Kind(400, "unknown-parameter", "Unknown parameter")),
            Map.entry("UNAUTHENTICATED", new Kind(401, "unauthenticated", "Authentication required")),
            Map.entry("FORBIDDEN", new Kind(403, "forbidden", "Forbidden")),
            Map.entry("NOT_FOUND", new Kind(404, "not-found", "Not found")),
            Map.entry("METHOD_NOT_ALLOWED", new Kind(405, "method-not-allowed", "Method not allowed")),
            Map.entry("NOT_ACCEPTABLE", new Kind(406, "not-acceptable", "Not acceptable")),
            Map.entry("CONFLICT", new Kind(409, "conflict", "Conflict")),
            Map.entry("COMMENTS_CLOSED", new Kind(409, "comments-closed", "Comments are closed")),
            Map.entry("EDIT_WINDOW_CLOSED", new Kind(409, "edit-window-closed", "Edit window closed")),
            Map.entry("IDEMPOTENCY_IN_PROGRESS", new Kind(409, "idempotency-in-progress", "Request still in progress")),
            Map.entry("PRECONDITION_FAILED", new Kind(412, "precondition-failed", "Precondition failed")),
            Map.entry("PAYLOAD_TOO_LARGE", new Kind(413, "payload-too-large", "Payload too large")),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", new Kind(415, "unsupported-media-type", "Unsupported media type")),
            Map.entry("IDEMPOTENCY_KEY_REUSED", new Kind(422, "idempotency-key-reused", "Idempotency key reused")),
            Map.entry("PRECONDITION_REQUIRED", new Kind(428, "precondition-required", "Precondition required")),
            Map.entry("RATE_LIMITED", new Kind(429, "rate-limited", "Too many requests")),
            Map.entry("TOO_MANY_STREAMS", new Kind(429, "too-many-streams", "Too many open streams")),
            Map.entry("INTERNAL", new Kind(500, "internal", "Internal error")),
            Map.entry("SERVICE_UNAVAILABLE", new Kind(503, "service-unavailable", "Service unavailable")),
            Map.entry("OVERLOADED", new Kind(503, "overloaded", "Too busy right now")));

    private ProblemAssertions() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status, String code, String slug,
            String title, String instance) {
        return response.statusCode(status).contentType(PROBLEM)
                .body("type", equalTo(TYPE_BASE + slug))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("instance", equalTo(instance))
                .body("code", equalTo(code))
                .body("traceId", matchesPattern(TRACE_ID));
    }

    /** The whole problem for one of the stable codes: its status, type and title are the ones the code stands for. */
    public static ValidatableResponse problem(ValidatableResponse response, String code, String instance) {
        Kind kind = kind(code);
        return problem(response, kind.status(), code, kind.slug(), kind.title(), instance);
    }

    /**
     * The whole problem where either of {@code codes} is a right answer (the same mistake may be caught while the
     * body is read or when it is validated): whichever came, it is complete and consistent.
     */
    public static ValidatableResponse problemOneOf(ValidatableResponse response, String instance, String... codes) {
        String code = response.contentType(PROBLEM).extract().path("code");
        assertTrue(Arrays.asList(codes).contains(code), "code " + code + ", expected one of " + Arrays.toString(codes));
        return problem(response, code, instance);
    }

    /** The whole problem in an answer read off a raw socket ({@link RawHttp}); answers its body for more checks. */
    public static JsonPath problem(RawHttp.Response answer, String code, String instance) {
        Kind kind = kind(code);
        assertEquals(kind.status(), answer.status(), answer.bodyText());
        assertEquals(PROBLEM, answer.header("Content-Type"), answer.bodyText());
        JsonPath body = JsonPath.from(answer.bodyText());
        assertEquals(TYPE_BASE + kind.slug(), body.getString("type"), answer.bodyText());
        assertEquals(kind.title(), body.getString("title"), answer.bodyText());
        assertEquals(kind.status(), body.getInt("status"), answer.bodyText());
        assertEquals(instance, body.getString("instance"), answer.bodyText());
        assertEquals(code, body.getString("code"), answer.bodyText());
        assertTrue(String.valueOf(body.getString("traceId")).matches(TRACE_ID), answer.bodyText());
        return body;
    }

    private static Kind kind(String code) {
        Kind kind = CODES.get(code);
        if (kind == null) {
            throw new IllegalArgumentException("Not a problem code of the API: " + code);
        }
        return kind;
    }
}
