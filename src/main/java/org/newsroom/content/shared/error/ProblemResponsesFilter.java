package org.newsroom.content.shared.error;

import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

/**
 * Adds the problem responses every operation can give (API.md §6) to the OpenAPI document, so that each
 * endpoint lists its errors without repeating a dozen annotations on every method.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.startsWith("/api/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> describe(path, method, operation));
        });
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation) {
        Map<String, String> problems = new LinkedHashMap<>();
        problems.put("400", "VALIDATION_FAILED, MALFORMED_REQUEST or UNKNOWN_PARAMETER");
        problems.put("404", "NOT_FOUND: unknown, or a draft to a reader");
        problems.put("406", "NOT_ACCEPTABLE");
        boolean anonymousPost = method == PathItem.HttpMethod.POST
                && (path.endsWith("/comments") || path.endsWith("/reports"));
        boolean write = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if ((write && !anonymousPost) || (method == PathItem.HttpMethod.GET && path.equals("/api/v1/articles"))) {
            problems.put("401", "UNAUTHENTICATED: no valid bearer token");
            problems.put("403", "FORBIDDEN: the token lacks the role");
        }
        if (write && method != PathItem.HttpMethod.DELETE) {
            problems.put("415", "UNSUPPORTED_MEDIA_TYPE");
        }
        if (method == PathItem.HttpMethod.POST) {
            problems.put("409", path.endsWith("/comments")
                    ? "COMMENTS_CLOSED, or IDEMPOTENCY_IN_PROGRESS: the first request with this key is still running"
                    : "CONFLICT, or IDEMPOTENCY_IN_PROGRESS: the first request with this key is still running");
            problems.put("422", "IDEMPOTENCY_KEY_REUSED: the key came with another body in the last 24 hours");
        } else if (write) {
            problems.put("409", path.startsWith("/api/v1/comments")
                    ? "EDIT_WINDOW_CLOSED or CONFLICT"
                    : "CONFLICT: the slug is taken");
        }
        if (path.startsWith("/api/v1/comments") || path.endsWith("/comments")) {
            if (write) {
                problems.put("413", "PAYLOAD_TOO_LARGE: a comment body over 64 KiB");
            }
            if (anonymousPost && path.endsWith("/comments")) {
                problems.put("429", "RATE_LIMITED: too many comments from this address; see Retry-After");
            }
        }
        boolean conditional = write && path.startsWith("/api/v1/articles") && !anonymousPost
                && !(method == PathItem.HttpMethod.POST && path.equals("/api/v1/articles"));
        if (conditional) {
            problems.put("412", "PRECONDITION_FAILED: If-Match is stale");
            problems.put("428", "PRECONDITION_REQUIRED: If-Match is missing");
        }
        problems.put("500", "INTERNAL");
        problems.forEach((status, description) -> {
            APIResponse existing = operation.getResponses().getAPIResponse(status);
            // Quarkus adds bare 401/403 entries for secured methods: give them the problem body.
            if (existing == null || existing.getContent() == null) {
                operation.getResponses().addAPIResponse(status, problem(description));
            }
        });
    }

    private static APIResponse problem(String description) {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
