package org.newsroom.content.shared.error;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem, the body of every error this service answers. */
@Schema(name = "Problem", description = "RFC 9457 problem details; `code` is stable, `errors` lists invalid fields")
public record Problem(
        @Schema(examples = "https://content.example/problems/validation") String type,
        @Schema(examples = "Invalid request") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "1 field is invalid") String detail,
        @Schema(examples = "/api/v1/articles") String instance,
        @Schema(examples = "VALIDATION_FAILED") String code,
        @JsonInclude(JsonInclude.Include.NON_EMPTY) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public record FieldError(@Schema(examples = "headline") String field,
            @Schema(examples = "must not be blank") String message) {
    }
}
