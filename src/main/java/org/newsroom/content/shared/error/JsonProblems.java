package org.newsroom.content.shared.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What a JSON mistake means to the client, wherever it is found: reading a body, or reading the result of a merge
 * patch applied to the current state. A field that names itself is a validation problem on that field.
 */
public final class JsonProblems {

    private JsonProblems() {
    }

    public static ApiException of(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return ApiException.invalid(jsonPath(unknown), "is not a known field");
        }
        if (e instanceof InvalidFormatException || e instanceof MismatchedInputException) {
            String field = jsonPath((JsonMappingException) e);
            if (!field.isEmpty()) {
                return ApiException.invalid(field, "has the wrong type or shape");
            }
            return new ApiException(ErrorCode.MALFORMED_REQUEST, "The body is not the expected JSON object");
        }
        return new ApiException(ErrorCode.MALFORMED_REQUEST, "The body is not valid JSON");
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (field.length() > 0) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
