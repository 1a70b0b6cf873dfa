package org.newsroom.content.article;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Ids;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;

@Path(ApiPaths.BASE + "/articles/{ref}/paragraphs")
@Tag(name = "Paragraphs", description = "The typed body blocks of an article, one at a time")
@Produces(MediaType.APPLICATION_JSON)
public class ParagraphResource {

    private final ParagraphService paragraphs;
    private final Representations representations;
    private final SecurityIdentity identity;

    public ParagraphResource(ParagraphService paragraphs, Representations representations,
            SecurityIdentity identity) {
        this.paragraphs = paragraphs;
        this.representations = representations;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @SecurityRequirementsSet({})
    @Operation(operationId = "listParagraphs", summary = "The article's body blocks in order", description = "?type= keeps one kind of block")
    @APIResponse(responseCode = "200", description = "All blocks, in one page", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ParagraphPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response list(@PathParam("ref") String ref,
            @QueryParam("type") @Parameter(schema = @Schema(enumeration = {"paragraph", "heading", "pullquote",
                    "blockquote", "image"})) String type,
            @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of("type"));
        if (type != null && !BlockTypes.ALL.contains(type)) {
            throw ApiException.invalid("type", BlockTypes.MESSAGE);
        }
        return representations.renderPage(paragraphs.list(ref, type, isEditor(), representations.known()), uri,
                HttpHeaders.AUTHORIZATION).build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "insertParagraph", summary = "Insert a block", description = "Needs If-Match with the ARTICLE's ETag. position defaults to the end; the blocks after it move down.")
    @APIResponse(responseCode = "201", description = "Inserted; Location names it", content = @Content(schema = @Schema(implementation = ParagraphResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + " (the article's)")
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response insert(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @NotNull @Valid ParagraphRequest body) {
        ParagraphService.Written written = paragraphs.insert(ref, Representations.expected(ifMatch), body);
        String location = ApiPaths.BASE + "/articles/" + written.articleId() + "/paragraphs/"
                + written.block().body().id();
        return representations.created(written.block(), location).build();
    }

    @GET
    @Path("{id}")
    @PermitAll
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @SecurityRequirementsSet({})
    @Operation(operationId = "getParagraph", summary = "One block", description = "Drafts' blocks are 404 to readers")
    @APIResponse(responseCode = "200", description = "The block, with its strong ETag", content = @Content(schema = @Schema(implementation = ParagraphResponse.class)))
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response get(@PathParam("ref") String ref, @PathParam("id") String id) {
        return representations.render(
                paragraphs.get(ref, Ids.parse(id, "This paragraph"), isEditor(), representations.known()),
                HttpHeaders.AUTHORIZATION).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceParagraph", summary = "Replace a block (and move it with position)", description = "Needs If-Match with the block's ETag")
    @APIResponse(responseCode = "200", description = "The block as stored", content = @Content(schema = @Schema(implementation = ParagraphResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + " (the block's)")
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response replace(@PathParam("ref") String ref, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @NotNull @Valid ParagraphRequest body) {
        return written(
                paragraphs.replace(ref, Ids.parse(id, "This paragraph"), Representations.expected(ifMatch), body));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Operation(operationId = "patchParagraph", summary = "Edit or move a block (JSON Merge Patch)", description = "Needs If-Match with the block's ETag; {\"position\": 1} moves it to the top")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ParagraphPatch.class)))
    @APIResponse(responseCode = "200", description = "The block as stored", content = @Content(schema = @Schema(implementation = ParagraphResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + " (the block's)")
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response patch(@PathParam("ref") String ref, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch, JsonNode body) {
        return written(paragraphs.patch(ref, Ids.parse(id, "This paragraph"), Representations.expected(ifMatch), body));
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteParagraph", summary = "Remove a block", description = "Needs If-Match with the block's ETag; the blocks after it move up")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE + " (the block's)")
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response delete(@PathParam("ref") String ref, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch) {
        paragraphs.delete(ref, Ids.parse(id, "This paragraph"), Representations.expected(ifMatch));
        return Response.noContent().build();
    }

    private Response written(Versioned<ParagraphResponse> written) {
        return representations.render(written, null).build();
    }

    private boolean isEditor() {
        return identity.hasRole(Roles.EDITOR);
    }

    /** The schema of the paragraph list (a {@code Page} of ParagraphResponse), so that generated clients get a concrete type. */
    @Schema(name = "ParagraphPage")
    record ParagraphPage(List<ParagraphResponse> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
