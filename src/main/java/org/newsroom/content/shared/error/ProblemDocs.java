package org.newsroom.content.shared.error;

/**
 * The descriptions of the problems an operation can answer, for its {@code @APIResponse} annotations: each operation
 * declares its own problems where it is declared, so the document cannot drift from the code.
 * {@link ProblemResponsesFilter} gives every 4xx and 5xx the problem body.
 */
public final class ProblemDocs {

    public static final String BAD_BODY = "VALIDATION_FAILED or MALFORMED_REQUEST: the body is invalid"
            + " (errors names each field, one of the wrong JSON type too)";
    public static final String BAD_QUERY = "VALIDATION_FAILED or UNKNOWN_PARAMETER: a query parameter is invalid or"
            + " unknown";
    public static final String BAD_WRITE = "VALIDATION_FAILED or MALFORMED_REQUEST: the body or the Idempotency-Key"
            + " is invalid (errors names each field, one of the wrong JSON type too)";
    public static final String NOT_FOUND = "NOT_FOUND: unknown, or not visible to readers";
    public static final String UNAUTHENTICATED = "UNAUTHENTICATED: no valid bearer token";
    /** Operations that take a token without needing one still check one that is sent. */
    public static final String BAD_TOKEN = "UNAUTHENTICATED: the bearer token sent is not valid (expired, wrong"
            + " signature, issuer or audience); send none to read as anyone";
    public static final String NOT_MODIFIED = "Not modified: If-None-Match names the current ETag (or"
            + " If-Modified-Since is not before Last-Modified); no body";
    public static final String FORBIDDEN = "FORBIDDEN: the token lacks the role";
    public static final String STALE = "PRECONDITION_FAILED: If-Match is not the current ETag";
    /** Any write (shared/web/WritePreconditions): decided before anything is written. */
    public static final String NONE_MATCH_ON_WRITE = "PRECONDITION_FAILED: If-None-Match: * sent with a write";
    public static final String VERSION_REQUIRED = "PRECONDITION_REQUIRED: If-Match is missing";
    public static final String TOO_LARGE = "PAYLOAD_TOO_LARGE: the body is larger than"
            + " quarkus.http.limits.max-body-size";
    public static final String COMMENT_TOO_LARGE = "PAYLOAD_TOO_LARGE: the body, as declared or (chunked) as read, is"
            + " larger than content.comments.max-body-size";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UNSUPPORTED_MEDIA_TYPE: the body has no Content-Type, or one"
            + " not accepted here";
    public static final String SLUG_TAKEN = "CONFLICT: the slug is taken";
    public static final String SLUG_TAKEN_OR_IN_PROGRESS = "CONFLICT: the slug is taken; or IDEMPOTENCY_IN_PROGRESS:"
            + " the first request with this Idempotency-Key is still running";
    public static final String KEY_REUSED = "IDEMPOTENCY_KEY_REUSED: the Idempotency-Key came with another body in"
            + " the last 24 hours";
    public static final String NOT_ACCEPTABLE = "NOT_ACCEPTABLE: none of the accepted media types is offered";
    public static final String INTERNAL = "INTERNAL: logged on our side";
    public static final String UNAVAILABLE = "SERVICE_UNAVAILABLE: the database cannot be reached; or OVERLOADED: too"
            + " busy for this request right now. Retry after Retry-After seconds";

    private ProblemDocs() {
    }
}
