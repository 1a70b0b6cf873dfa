package org.newsroom.content.comment;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
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
import org.newsroom.content.shared.client.ClientAddress;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotencyKey;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Negotiation;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import io.vertx.core.http.HttpServerRequest;

@Path(ApiPaths.BASE + "/articles/{ref}/comments")
@Tag(name = "Comments", description = "Reader comments and replies: anyone posts and reports; the author edits and deletes with the comment's token")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleCommentResource {

    private static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";
    private static final List<MediaType> REPRESENTATIONS = List.of(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_PLAIN_TYPE);

    private final CommentService comments;
    private final Representations representations;
    private final ClientAddress clients;

    public ArticleCommentResource(CommentService comments, Representations representations, ClientAddress clients) {
        this.comments = comments;
        this.representations = representations;
        this.clients = clients;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT})
    @Operation(operationId = "listComments", summary = "Top-level comments of an article", description = "Oldest first by default; cursor-paged; each carries its replyCount. Accept: text/plain gives a readable thread with the replies.")
    @APIResponse(responseCode = "200", description = "A page of comments; a Link header names the next page", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CommentPage.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response list(@PathParam("ref") String ref,
            @QueryParam("sort") @Parameter(schema = @Schema(enumeration = {"oldest", "newest"})) String sort,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("sort", "limit", "cursor"));
        boolean newestFirst = "newest"
                .equals(QueryParameters.oneOf("sort", sort, "oldest", Set.of("oldest", "newest")));
        if (Negotiation.isText(representations.negotiate(REPRESENTATIONS))) {
            return representations.renderPage(comments.threadText(ref, newestFirst, QueryParameters.limit(limit),
                    cursor, representations.known()), uri, HttpHeaders.ACCEPT).type(TEXT).build();
        }
        return representations.renderPage(comments.listTopLevel(ref, newestFirst, QueryParameters.limit(limit), cursor,
                representations.known()), uri, HttpHeaders.ACCEPT).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "postComment", summary = "Post a comment or a reply", description = "Anyone may post. The answer carries the comment's token once. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Stored (published, or pending for a moderator); Location names it", content = @Content(schema = @Schema(implementation = CreatedCommentResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_WRITE)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = "COMMENTS_CLOSED; or IDEMPOTENCY_IN_PROGRESS: the first request with this Idempotency-Key is still running")
    @APIResponse(responseCode = "413", description = ProblemDocs.COMMENT_TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", description = ProblemDocs.KEY_REUSED)
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many comments from this client; see Retry-After")
    public Response post(@PathParam("ref") String ref, @NotNull @Valid CommentRequest body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Any unique string (a UUID): a retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        IdempotencyKey key = Representations.idempotencyKey(idempotencyKey, uri);
        // The token is for this client alone: never in a shared cache (a POST's answer is private).
        return representations.posted(comments.post(ref, body, clients.of(http), key), uri)
                .build();
    }

    /** The schema of the comment lists (top-level comments, replies) (a {@code Page} of CommentResponse), so that generated clients get a concrete type. */
    @Schema(name = "CommentPage")
    record CommentPage(List<CommentResponse> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
