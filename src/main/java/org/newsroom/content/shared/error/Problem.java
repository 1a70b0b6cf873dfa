package org.newsroom.content.shared.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.telemetry.TraceIds;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonInclude.Include;

/** An RFC 9457 problem, the body of every error this service answers. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `code` is stable, `errors` lists invalid fields,"
        + " `traceId` names the request in the service's logs and traces")
public record Problem(
        @Schema(examples = "https://content.example/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "1 field is invalid") String detail,
        @Schema(examples = "/api/v1/articles") String instance,
        @Schema(examples = "VALIDATION_FAILED") String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors,
        @Schema(description = TRACE_ID, pattern = TRACE_ID_PATTERN) @JsonInclude(Include.NON_NULL) String traceId) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TRACE_ID = "The request's trace id (32 hex digits), as in the service's log lines for this"
            + " request and in its trace (docs/http-api.md §6.1): quote it when reporting an error";
    static final String TRACE_ID_PATTERN = "^[0-9a-f]{32}$";

    /** The problem of the request being answered, with its trace id. */
    public static Problem of(ErrorCode code, String detail, String instance, List<FieldError> errors) {
        return new Problem(code.type, code.title, code.status, detail, instance, code.name(), errors,
                TraceIds.current());
    }

    public record FieldError(@Schema(examples = "headline") String field,
            @Schema(examples = "must not be blank") String message) {
    }
}
