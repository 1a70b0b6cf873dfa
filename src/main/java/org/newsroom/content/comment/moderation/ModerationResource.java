package org.newsroom.content.comment.moderation;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import io.quarkus.security.identity.SecurityIdentity;

@Path(ApiPaths.BASE + "/moderation/comments")
@Tag(name = "Moderation", description = "The moderators' queue and decisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.MODERATOR)
public class ModerationResource {

    private static final Set<String> QUEUES = Set.of("pending", "reported", "spam", "rejected");

    private final ModerationService moderation;
    private final SecurityIdentity identity;
    private final Representations representations;

    public ModerationResource(ModerationService moderation, SecurityIdentity identity,
            Representations representations) {
        this.moderation = moderation;
        this.identity = identity;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listModerationQueue", summary = "The moderation queue", description = "Oldest first, cursor-paged")
    @APIResponse(responseCode = "200", description = "A page of comments as moderators see them", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ModerationPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    public Response queue(
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"pending", "reported", "spam",
                    "rejected"}, defaultValue = "pending")) String status,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("status", "limit", "cursor"));
        String queue = QueryParameters.oneOf("status", status, "pending", QUEUES);
        return representations
                .renderPage(moderation.queue(queue, QueryParameters.limit(limit), cursor, representations.known()), uri,
                        null)
                .build();
    }

    @POST
    @Path("{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "decideComment", summary = "Decide on a comment", description = "Needs If-Match with the comment's ETag (a queue item's etag): the decision is on that version. approve publishes it, reject and spam hide it; every decision is kept as an audit row")
    @APIResponse(responseCode = "200", description = "The comment after the decision", content = @Content(schema = @Schema(implementation = ModeratedComment.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "CONFLICT: the comment is deleted")
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + ": the comment changed since it was read")
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response decide(@PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true, description = "The comment's ETag: its etag in the queue") String ifMatch,
            @NotNull @Valid DecisionRequest body) {
        Versioned<ModeratedComment> decided = moderation.decide(Ids.parse(id, "This comment"),
                Representations.expected(ifMatch), body, identity.getPrincipal().getName());
        // Private, with the comment's new ETag: the version a next decision names.
        return representations.render(decided, null).build();
    }

    /** The schema of the moderation queue (a {@code Page} of ModeratedComment), so that generated clients get a concrete type. */
    @Schema(name = "ModerationPage")
    record ModerationPage(List<ModeratedComment> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
