package org.newsroom.content.comment;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
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
import org.newsroom.content.shared.error.Problem;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.Links;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

@Path(ApiPaths.BASE + "/comments")
@Tag(name = "Comments")
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;
    private final Representations representations;

    public CommentResource(CommentService comments, Representations representations) {
        this.comments = comments;
        this.representations = representations;
    }

    @GET
    @Path("{id}")
    @PermitAll
    @Operation(summary = "One comment")
    @APIResponse(responseCode = "200", description = "The comment", content = @Content(schema = @Schema(implementation = CommentResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown, or not visible to readers", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") String id) {
        CommentService.Read read = comments.get(Ids.parse(id, "This comment"));
        return representations.ok(read.body(), read.etag(), read.lastModified(), true).build();
    }

    @GET
    @Path("{id}/replies")
    @PermitAll
    @Operation(summary = "The thread under a top-level comment", description = "Oldest first, cursor-paged")
    @APIResponse(responseCode = "200", description = "A page of replies; a Link header names the next page")
    public Response replies(@PathParam("id") String id,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("limit", "cursor"));
        return Links
                .page(comments.listReplies(Ids.parse(id, "This comment"), QueryParameters.limit(limit), cursor), uri)
                .header(HttpHeaders.CACHE_CONTROL, representations.cacheControl(true)).build();
    }

}
