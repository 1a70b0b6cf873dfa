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
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.Negotiation;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;
import org.newsroom.content.shared.web.TextPage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;

@Path(ApiPaths.BASE + "/articles")
@Tag(name = "Articles", description = "Articles (JSON or the plain-text format), their sections and tags; editors write, anyone reads what is published")
public class ArticleResource {

    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";
    private static final List<MediaType> REPRESENTATIONS = List.of(MediaType.APPLICATION_JSON_TYPE,
            MediaType.TEXT_PLAIN_TYPE);
    /** What these answers vary on: the media type asked for, and whether the caller is an editor. */
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION;
    private static final Set<String> LIST_PARAMETERS = Set.of("q", "section", "tag", "from", "to", "sort", "status",
            "limit", "cursor");

    private final ArticleService articles;
    private final Representations representations;
    private final SecurityIdentity identity;

    public ArticleResource(ArticleService articles, Representations representations, SecurityIdentity identity) {
        this.articles = articles;
        this.representations = representations;
        this.identity = identity;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @SecurityRequirementsSet({})
    @Operation(operationId = "listArticles", summary = "List articles", description = "Published articles, newest first, cursor-paged. Editors may ask for status=draft or status=scheduled.")
    @APIResponse(responseCode = "200", description = "A page of article summaries; a Link header names the next page", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticlePage.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED
            + ": status other than published needs an editor; or the bearer token sent is not valid")
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    public Response list(
            @QueryParam("q") @Parameter(description = "Full-text search over headline, sub-headline and body (web search syntax: \"quoted phrase\", OR, -word); best match first, each row with a highlight") String q,
            @QueryParam("section") String section,
            @QueryParam("tag") @Parameter(description = "Repeatable: all must match") List<String> tag,
            @QueryParam("from") @Parameter(description = "Published at or after: a date or an instant") String from,
            @QueryParam("to") @Parameter(description = "Published before the end of this date, or before this instant") String to,
            @QueryParam("sort") @Parameter(description = "relevance only with q (and its default there)", schema = @Schema(enumeration = {
                    "newest", "oldest", "relevance"})) String sort,
            @QueryParam("status") @Parameter(schema = @Schema(enumeration = {"published", "draft",
                    "scheduled"})) String status,
            @QueryParam("limit") @Parameter(schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "100", defaultValue = "20")) String limit,
            @QueryParam("cursor") String cursor, @Context UriInfo uri) {
        QueryParameters.allowOnly(uri, LIST_PARAMETERS);
        ArticleListQuery.Visibility visibility = ArticleListQuery.visibility(status);
        if (visibility != ArticleListQuery.Visibility.PUBLISHED) {
            Roles.require(identity, Roles.EDITOR);
        }
        ArticleListQuery query = ArticleListQuery.checked(visibility, q, section, tag, from, to, sort, limit, cursor);
        boolean search = query.q() != null;
        if (wantsText()) {
            Read<TextPage> lines = search
                    ? articles.searchText(query, isEditor(), representations.known())
                    : articles.listText(query, isEditor(), representations.known());
            return representations.renderPage(lines, uri, VARY).type(TEXT).build();
        }
        Read<Page<ArticleSummary>> page = search
                ? articles.search(query, isEditor(), representations.known())
                : articles.list(query, isEditor(), representations.known());
        return representations.renderPage(page, uri, VARY).type(MediaType.APPLICATION_JSON).build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article from JSON", description = "A draft unless status says otherwise")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_WRITE)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", description = ProblemDocs.SLUG_TAKEN_OR_IN_PROGRESS)
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", description = ProblemDocs.KEY_REUSED)
    public Response create(@NotNull @Valid ArticleWrite body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "A retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri) {
        return representations.posted(articles.create(body, Representations.idempotencyKey(idempotencyKey, uri)), uri)
                .build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article from the plain-text format", description = "Line 1 the headline, line 2 the sub-headline, then one block per line (README: the plain-text format). Always a draft.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_WRITE)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "409", description = ProblemDocs.SLUG_TAKEN_OR_IN_PROGRESS)
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "422", description = ProblemDocs.KEY_REUSED)
    public Response createFromText(String body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "A retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri) {
        String text = body == null ? "" : body;
        return representations
                .posted(articles.createFromText(text, Representations.idempotencyKey(idempotencyKey, uri)), uri)
                .build();
    }

    @GET
    @Path("{ref}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT})
    @SecurityRequirementsSet(@SecurityRequirement(name = "jwt"))
    @SecurityRequirementsSet({})
    @Operation(operationId = "getArticle", summary = "Read one article with its paragraphs", description = "{ref} is the id or the slug. Drafts and scheduled articles are 404 to readers. Accept: text/plain answers the plain-text format.")
    @APIResponse(responseCode = "200", description = "The article, with a strong ETag", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleResponse.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    public Response get(@PathParam("ref") String ref) {
        if (wantsText()) {
            return representations.render(articles.getText(ref, isEditor(), representations.known()), VARY, TEXT)
                    .build();
        }
        return representations.render(articles.get(ref, isEditor(), representations.known()), VARY,
                MediaType.APPLICATION_JSON).build();
    }

    @PUT
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article's metadata and body", description = "Needs If-Match with the current ETag. An absent slug keeps the current one.")
    @APIResponse(responseCode = "200", description = "The article as stored", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ProblemDocs.SLUG_TAKEN)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE)
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response replace(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @NotNull @Valid ArticleWrite body) {
        return written(articles.replace(ref, Representations.expected(ifMatch), body));
    }

    @PATCH
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "patchArticle", summary = "Change some fields (JSON Merge Patch)", description = "Needs If-Match. The body is rewritten only when the patch has paragraphs.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ArticlePatch.class)))
    @APIResponse(responseCode = "200", description = "The article as stored", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_BODY)
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "409", description = ProblemDocs.SLUG_TAKEN)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE)
    @APIResponse(responseCode = "413", description = ProblemDocs.TOO_LARGE)
    @APIResponse(responseCode = "415", description = ProblemDocs.UNSUPPORTED_MEDIA_TYPE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response patch(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch, JsonNode body) {
        return written(articles.patch(ref, Representations.expected(ifMatch), body));
    }

    @DELETE
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(operationId = "deleteArticle", summary = "Delete an article", description = "Needs If-Match; its paragraphs, comments and revisions go with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "401", description = ProblemDocs.UNAUTHENTICATED)
    @APIResponse(responseCode = "403", description = ProblemDocs.FORBIDDEN)
    @APIResponse(responseCode = "404", description = ProblemDocs.NOT_FOUND)
    @APIResponse(responseCode = "412", description = ProblemDocs.STALE)
    @APIResponse(responseCode = "428", description = ProblemDocs.VERSION_REQUIRED)
    public Response delete(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch) {
        articles.delete(ref, Representations.expected(ifMatch));
        return Response.noContent().build();
    }

    private Response written(Versioned<ArticleResponse> written) {
        return representations.render(written, null).build();
    }

    /** Whether Accept asks for the text form (any text/plain, with parameters, in any case); none offered is a 406. */
    private boolean wantsText() {
        return Negotiation.isText(representations.negotiate(REPRESENTATIONS));
    }

    private boolean isEditor() {
        return identity.hasRole(Roles.EDITOR);
    }

    /** The schema of the article list (a {@code Page} of ArticleSummary), so that generated clients get a concrete type. */
    @Schema(name = "ArticlePage")
    record ArticlePage(List<ArticleSummary> items,
            @Schema(nullable = true, description = "The cursor of the next page, for ?cursor=; null on the last page") String nextCursor) {
    }
}
