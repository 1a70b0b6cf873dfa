package org.newsroom.content.comment;

import java.net.URI;
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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotentResponses;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import io.vertx.core.http.HttpServerRequest;

@Path(ApiPaths.BASE + "/articles/{ref}/comments")
@Tag(name = "Comments")
@Produces(MediaType.APPLICATION_JSON)
public class ArticleCommentResource {

    private static final List<Variant> REPRESENTATIONS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_PLAIN_TYPE).build();

    private final CommentService comments;
    private final Representations representations;
    private final Idempotency idempotency;

    public ArticleCommentResource(CommentService comments, Representations representations,
            Idempotency idempotency) {
        this.comments = comments;
        this.representations = representations;
        this.idempotency = idempotency;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_PLAIN + ";charset=utf-8"})
    @Operation(summary = "Top-level comments of an article", description = "Oldest first by default; cursor-paged; each carries its replyCount. Accept: text/plain gives a readable thread with the replies.")
    @APIResponse(responseCode = "200", description = "A page of comments; a Link header names the next page")
    public Response list(@PathParam("ref") String ref,
            @QueryParam("sort") @Parameter(schema = @Schema(enumeration = {"oldest", "newest"})) String sort,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri, @Context Request request) {
        QueryParameters.allowOnly(uri, Set.of("sort", "limit", "cursor"));
        boolean newestFirst = "newest"
                .equals(QueryParameters.oneOf("sort", sort, "oldest", Set.of("oldest", "newest")));
        Variant chosen = request.selectVariant(REPRESENTATIONS);
        if (chosen != null && chosen.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            Listed<String> thread = comments.threadText(ref, newestFirst, QueryParameters.limit(limit), cursor);
            return representations.page(thread.page().items().get(0), thread.etag(), thread.page().nextCursor(), uri,
                    true).type(MediaType.TEXT_PLAIN + ";charset=utf-8").header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                    .build();
        }
        return representations.page(comments.listTopLevel(ref, newestFirst, QueryParameters.limit(limit), cursor), uri,
                true).header(HttpHeaders.VARY, HttpHeaders.ACCEPT).build();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Post a comment or a reply", description = "Anyone may post. The answer carries the comment's token once. Idempotency-Key makes a retry safe.")
    @APIResponse(responseCode = "201", description = "Stored (published, or pending for a moderator); Location names it", content = @Content(schema = @Schema(implementation = CreatedCommentResponse.class)))
    public Response post(@PathParam("ref") String ref, @NotNull @Valid CommentRequest body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "Any unique string (a UUID): a retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri, @Context HttpServerRequest http) {
        String client = http.remoteAddress().hostAddress();
        Idempotency.Answer answer = idempotency.run("POST " + uri.getPath(), idempotencyKey, body, () -> {
            CreatedCommentResponse created = comments.post(ref, body, client);
            URI location = uri.getBaseUriBuilder().path(ApiPaths.BASE).path("comments")
                    .path(String.valueOf(created.id())).build();
            return new Idempotency.Created(Response.Status.CREATED.getStatusCode(), created, location, null);
        });
        // The token is for this client alone: never in a shared cache (IdempotentResponses says private).
        return IdempotentResponses.of(answer).build();
    }

}
