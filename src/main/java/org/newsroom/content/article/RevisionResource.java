package org.newsroom.content.article;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
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
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

/** An article's history: editors only, never cached (every request carries a token). */
@Path(ApiPaths.BASE + "/articles/{ref}/revisions")
@Tag(name = "Revisions", description = "The history of an article: every change is a revision with a snapshot; editors list, read, compare and restore them")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.EDITOR)
public class RevisionResource {

    private final RevisionService revisions;
    private final Representations representations;

    public RevisionResource(RevisionService revisions, Representations representations) {
        this.revisions = revisions;
        this.representations = representations;
    }

    @GET
    @Operation(operationId = "listRevisions", summary = "The article's revisions", description = "Newest first, cursor-paged")
    @APIResponse(responseCode = "200", description = "A page of revisions; a Link header names the next page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response list(@PathParam("ref") String ref,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("limit", "cursor"));
        return representations.renderPage(
                revisions.list(ref, QueryParameters.limit(limit), cursor, representations.known()), uri, null)
                .build();
    }

    @GET
    @Path("{number}")
    @Operation(operationId = "getRevision", summary = "One revision's snapshot", description = "The article and its blocks as they stood after that change, in the shape of the article")
    @APIResponse(responseCode = "200", description = "The snapshot; its ETag never changes", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response get(@PathParam("ref") String ref, @PathParam("number") String number) {
        return representations.render(revisions.get(ref, number(number), representations.known()), null).build();
    }

    @GET
    @Path("{number}/diff")
    @Operation(operationId = "diffRevisions", summary = "What changed between two revisions", description = "From revision `against` to revision `{number}`: the fields changed, the blocks added, removed and moved, and each edited block's old and new text")
    @APIResponse(responseCode = "200", description = "The difference", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RevisionDiff.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response diff(@PathParam("ref") String ref, @PathParam("number") String number,
            @QueryParam("against") @Parameter(required = true, description = "The revision compared against: the diff goes from it to {number}", schema = @Schema(type = SchemaType.INTEGER, minimum = "1")) String against,
            @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("against"));
        int to = number(number);
        return representations.render(revisions.diff(ref, to, against(against), representations.known()), null)
                .build();
    }

    @POST
    @Path("{number}/restore")
    @Operation(operationId = "restoreRevision", summary = "Make the article that revision again", description = "Needs If-Match with the ARTICLE's current ETag. Fields, status and body become the snapshot's, as a new revision; the slug comes back only if no other article has it now.")
    @APIResponse(responseCode = "200", description = "The article as stored", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + " (the article's)")
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response restore(@PathParam("ref") String ref, @PathParam("number") String number,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch) {
        return representations
                .render(revisions.restore(ref, number(number), Representations.expected(ifMatch)), null).build();
    }

    /** A revision number that is not a positive whole number names nothing: a 404. */
    private static int number(String number) {
        long value = Ids.parse(number, "This revision");
        if (value > Integer.MAX_VALUE) {
            throw ApiException.notFound("This revision");
        }
        return (int) value;
    }

    private static int against(String against) {
        if (against == null) {
            throw ApiException.invalid("against", "is required: the number of the revision to compare with");
        }
        try {
            int value = Integer.parseInt(against);
            if (value >= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.invalid("against", "must be a revision number (a whole number from 1)");
    }

    /** The schema of the revision list (a {@code Page} of RevisionSummary), so that generated clients get a concrete type. */
    @Schema(name = "RevisionPage")
    record RevisionPage(List<RevisionSummary> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
