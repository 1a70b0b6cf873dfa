package org.newsroom.content.article;

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
    @Operation(summary = "Sections with their article counts", description = "By name; the whole list in one page")
    @APIResponse(responseCode = "200", description = "Every section of a published article")
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response sections(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.renderPage(articles.sections(representations.known()), uri, null).build();
    }

    @GET
    @Path("tags")
    @PermitAll
    @Operation(summary = "Tags with their article counts", description = "By name; the whole list in one page")
    @APIResponse(responseCode = "200", description = "Every tag of a published article")
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response tags(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.renderPage(articles.tags(representations.known()), uri, null).build();
    }
}
