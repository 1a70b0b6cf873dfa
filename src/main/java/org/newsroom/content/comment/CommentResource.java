package org.newsroom.content.comment;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.client.ClientAddress;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotencyKey;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.validation.Checked;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import io.quarkus.security.identity.SecurityIdentity;
import io.vertx.core.http.HttpServerRequest;

@Path(ApiPaths.BASE + "/comments")
@Tag(name = "Comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    public static final String TOKEN_HEADER = "Comment-Token";

    private final CommentService comments;
    private final Representations representations;
    private final SecurityIdentity identity;
    private final Checked checked;
    private final ClientAddress clients;

    public CommentResource(CommentService comments, Representations representations, SecurityIdentity identity,
            Checked checked, ClientAddress clients) {
        this.comments = comments;
        this.representations = representations;
        this.identity = identity;
        this.checked = checked;
        this.clients = clients;
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(operationId = "getComment", summary = "One comment", description = "Readers see published comments and tombstones; with its Comment-Token the author also sees their own held one")
    @APIResponse(responseCode = "200", description = "The comment", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response get(@PathParam("id") String id,
            @HeaderParam(TOKEN_HEADER) @Parameter(description = "The author's token, to see their own held comment") String token) {
        // A shared cache must not answer the author's request (with its token) with the readers' copy.
        return representations.render(comments.get(Ids.parse(id, "This comment"), token, representations.known()),
                TOKEN_HEADER).build();
    }

    @GET
    @Path("{id}/replies")
    @PermitAll
    @Operation(operationId = "listReplies", summary = "The thread under a top-level comment", description = "Oldest first, cursor-paged")
    @APIResponse(responseCode = "200", description = "A page of replies; a Link header names the next page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleCommentResource.CommentPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response replies(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("limit", "cursor"));
        return representations.renderPage(comments.listReplies(Ids.parse(id, "This comment"),
                QueryParameters.limit(limit), cursor, representations.known()), uri, null).build();
    }

    @PATCH
    @Path("{id}")
    @PermitAll
    @Consumes({MediaType.APPLICATION_JSON, MergePatch.MEDIA_TYPE})
    @Operation(operationId = "editComment", summary = "The author edits the body", description = "Needs the comment's Comment-Token, while editableUntil has not passed")
    @APIResponse(responseCode = "200", description = "The comment as stored", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no Comment-Token")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not this comment's token")
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "EDIT_WINDOW_CLOSED; or CONFLICT: the comment is deleted, rejected or spam")
    @APIResponse(responseCode = "413", description = ProblemDocs.COMMENT_TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    public Response edit(@PathParam("id") String id,
            @HeaderParam(TOKEN_HEADER) @Parameter(required = true) String token, CommentEdit body) {
        // Who is asking comes before what they send: the body is checked after the credentials.
        if (token == null) {
            throw identity.isAnonymous()
                    ? noCredentials("Send the comment's Comment-Token")
                    : new ApiException(ErrorCode.FORBIDDEN, "Only the comment's author, with its Comment-Token, may");
        }
        if (body == null) {
            throw ApiException.invalid("body", "must not be null");
        }
        return representations.render(comments.edit(Ids.parse(id, "This comment"), token, checked.valid(body)), null)
                .build();
    }

    @DELETE
    @Path("{id}")
    @PermitAll
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @SecurityRequirementsSet({})
    @Operation(operationId = "deleteComment", summary = "Delete a comment, leaving a tombstone", description = "The author with the Comment-Token, or a moderator's bearer token")
    @APIResponse(responseCode = "204", description = "Tombstoned; the thread under it stays")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: neither a Comment-Token nor a bearer token")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither this comment's token nor a moderator")
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response delete(@PathParam("id") String id, @HeaderParam(TOKEN_HEADER) String token) {
        String moderator = identity.hasRole(Roles.MODERATOR) ? identity.getPrincipal().getName() : null;
        if (token == null && identity.isAnonymous()) {
            throw noCredentials("Send the comment's Comment-Token, or a moderator's bearer token");
        }
        comments.delete(Ids.parse(id, "This comment"), new CommentService.Actor(token, moderator));
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/reports")
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "reportComment", summary = "Report a comment", description = "Anyone; reports from three readers hold it for a moderator, unless a moderator approved it as it reads (then they queue it for another look)")
    @APIResponse(responseCode = "202", description = "Received", content = @Content(schema = @Schema(implementation = CommentService.ReportReceived.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_WRITE)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "CONFLICT: the comment is deleted; or IDEMPOTENCY_IN_PROGRESS: the first request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = ProblemDocs.COMMENT_TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", description = ProblemDocs.KEY_REUSED)
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many reports from this client; see Retry-After")
    public Response report(@PathParam("id") String id, @NotNull @Valid ReportRequest body,
            @HeaderParam(Idempotency.HEADER) String idempotencyKey, @Context HttpServerRequest http,
            @Context UriInfo uri) {
        long commentId = Ids.parse(id, "This comment");
        IdempotencyKey key = Representations.idempotencyKey(idempotencyKey, uri);
        return representations.posted(comments.report(commentId, body, clients.of(http), key), uri)
                .build();
    }

    private static ApiException noCredentials(String detail) {
        return new ApiException(ErrorCode.UNAUTHENTICATED, detail);
    }
}
