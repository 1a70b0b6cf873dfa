package org.newsroom.content.article;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

/** Sections and tags of what readers can see, each with its article count, for navigation. */
@Path(ApiPaths.BASE)
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    private final ArticleService articles;
    private final Representations representations;

    public TaxonomyResource(ArticleService articles, Representations representations) {
        this.articles = articles;
        this.representations = representations;
    }

    @GET
    @Path("sections")
    @PermitAll
    @Operation(operationId = "listSections", summary = "Sections with their article counts", description = "By name; the whole list in one page")
    @APIResponse(responseCode = "200", description = "Every section of a published article", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response sections(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.renderPage(articles.sections(representations.known()), uri, null).build();
    }

    @GET
    @Path("tags")
    @PermitAll
    @Operation(operationId = "listTags", summary = "Tags with their article counts", description = "By name; the whole list in one page")
    @APIResponse(responseCode = "200", description = "Every tag of a published article", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = TermPage.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response tags(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.renderPage(articles.tags(representations.known()), uri, null).build();
    }

    /** The schema of the section and tag lists (a {@code Page} of Term), so that generated clients get a concrete type. */
    @Schema(name = "TermPage")
    record TermPage(List<Term> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
