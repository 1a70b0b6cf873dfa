package org.newsroom.content.shared.error;

/** The stable problem codes of docs/http-api.md §6, each with its status, type URI and title. */
public enum ErrorCode {

    VALIDATION_FAILED(400, "validation", "Invalid request"), MALFORMED_REQUEST(400, "malformed-request",
            "Malformed request"), UNKNOWN_PARAMETER(400, "unknown-parameter", "Unknown parameter"), UNAUTHENTICATED(401,
                    "unauthenticated", "Authentication required"), FORBIDDEN(403, "forbidden",
                            "Forbidden"), NOT_FOUND(404, "not-found", "Not found"), METHOD_NOT_ALLOWED(405,
                                    "method-not-allowed", "Method not allowed"), NOT_ACCEPTABLE(406, "not-acceptable",
                                            "Not acceptable"), CONFLICT(409, "conflict", "Conflict"), COMMENTS_CLOSED(
                                                    409, "comments-closed", "Comments are closed"), EDIT_WINDOW_CLOSED(
                                                            409, "edit-window-closed",
                                                            "Edit window closed"), IDEMPOTENCY_IN_PROGRESS(409,
                                                                    "idempotency-in-progress",
                                                                    "Request still in progress"), PRECONDITION_FAILED(
                                                                            412, "precondition-failed",
                                                                            "Precondition failed"), PAYLOAD_TOO_LARGE(
                                                                                    413, "payload-too-large",
                                                                                    "Payload too large"), UNSUPPORTED_MEDIA_TYPE(
                                                                                            415,
                                                                                            "unsupported-media-type",
                                                                                            "Unsupported media type"), IDEMPOTENCY_KEY_REUSED(
                                                                                                    422,
                                                                                                    "idempotency-key-reused",
                                                                                                    "Idempotency key reused"), PRECONDITION_REQUIRED(
                                                                                                            428,
                                                                                                            "precondition-required",
                                                                                                            "Precondition required"), RATE_LIMITED(
                                                                                                                    429,
                                                                                                                    "rate-limited",
                                                                                                                    "Too many requests"), TOO_MANY_STREAMS(
                                                                                                                            429,
                                                                                                                            "too-many-streams",
                                                                                                                            "Too many open streams"), INTERNAL(
                                                                                                                                    500,
                                                                                                                                    "internal",
                                                                                                                                    "Internal error"), SERVICE_UNAVAILABLE(
                                                                                                                                            503,
                                                                                                                                            "service-unavailable",
                                                                                                                                            "Service unavailable"), OVERLOADED(
                                                                                                                                                    503,
                                                                                                                                                    "overloaded",
                                                                                                                                                    "Too busy right now");

    private static final String TYPE_BASE = "https://content.example/problems/";

    public final int status;
    public final String type;
    public final String title;

    ErrorCode(int status, String slug, String title) {
        this.status = status;
        this.type = TYPE_BASE + slug;
        this.title = title;
    }
}
