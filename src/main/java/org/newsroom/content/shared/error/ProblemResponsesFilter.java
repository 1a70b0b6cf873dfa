package org.newsroom.content.shared.error;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

/**
 * Completes the problems each operation declares ({@code @APIResponse} with a {@link ProblemDocs} description):
 * every 4xx and 5xx answer gets the problem body (docs/http-api.md §6); every operation that answers a body gets a
 * 406 (for an Accept it cannot answer), every write a 412 (If-None-Match: *, see shared/web/WritePreconditions), and
 * every operation a 500 and a 503 (every operation reads the database).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().forEach((method, operation) -> {
            if (operation.getResponses() != null && method != PathItem.HttpMethod.GET
                    && method != PathItem.HttpMethod.HEAD && method != PathItem.HttpMethod.OPTIONS) {
                addIfAbsent(operation.getResponses(), "412", ProblemDocs.NONE_MATCH_ON_WRITE);
            }
            complete(operation);
        }));
    }

    private static void complete(Operation operation) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            return;
        }
        if (answersABody(responses)) {
            addIfAbsent(responses, "406", ProblemDocs.NOT_ACCEPTABLE);
        }
        addIfAbsent(responses, "500", ProblemDocs.INTERNAL);
        addIfAbsent(responses, "503", ProblemDocs.UNAVAILABLE);
        responses.getAPIResponses().forEach((status, response) -> {
            // Quarkus adds bare 401 and 403 entries for secured methods, and operations declare problems by
            // description alone: give each the problem body.
            if (status.startsWith("4") || status.startsWith("5")) {
                if (response.getContent() == null) {
                    response.setContent(problemContent());
                }
            }
        });
    }

    private static boolean answersABody(APIResponses responses) {
        return responses.getAPIResponses().entrySet().stream()
                .anyMatch(response -> response.getKey().startsWith("2") && response.getValue().getContent() != null);
    }

    private static void addIfAbsent(APIResponses responses, String status, String description) {
        if (responses.getAPIResponse(status) == null) {
            responses.addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    private static Content problemContent() {
        MediaType media = OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, media);
    }
}
