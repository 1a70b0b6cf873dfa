package org.newsroom.content.shared.error;

import java.util.List;

/** A failure the client caused (or may retry), answered as a problem with a stable code. */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final List<Problem.FieldError> errors;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, List.of());
    }

    public ApiException(ErrorCode code, String detail, List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.code = code;
        this.errors = List.copyOf(errors);
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " does not exist");
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_FAILED, "1 field is invalid",
                List.of(new Problem.FieldError(field, message)));
    }

    public ErrorCode code() {
        return code;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
