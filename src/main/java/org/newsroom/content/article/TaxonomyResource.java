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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

/** Sections and tags of what readers can see, each with its article count, for navigation. */
@Path(ApiPaths.BASE)
@Tag(name = "Articles")
@Produces(MediaType.APPLICATION_JSON)
public class TaxonomyResource {

    @Schema(name = "Term", description = "A section or a tag and how many published articles carry it")
    public record Term(String name, long articleCount) {
    }

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
    public Response sections(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.page(terms(articles.sections()), uri, true).build();
    }

    @GET
    @Path("tags")
    @PermitAll
    @Operation(summary = "Tags with their article counts", description = "By name; the whole list in one page")
    @APIResponse(responseCode = "200", description = "Every tag of a published article")
    public Response tags(@Context UriInfo uri) {
        QueryParameters.allowOnly(uri, Set.of());
        return representations.page(terms(articles.tags()), uri, true).build();
    }

    private static Listed<Term> terms(List<Term> terms) {
        return new Listed<>(new Page<>(terms, null), Page.weakEtag("terms " + terms));
    }
}
