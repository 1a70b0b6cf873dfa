package org.newsroom.content.article;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

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
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Variant;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotentResponses;
import org.newsroom.content.shared.security.Roles;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.QueryParameters;
import org.newsroom.content.shared.web.Representations;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;

@Path(ApiPaths.BASE + "/articles")
@Tag(name = "Articles")
public class ArticleResource {

    static final String TEXT = MediaType.TEXT_PLAIN + ";charset=utf-8";
    private static final List<Variant> REPRESENTATIONS = Variant
            .mediaTypes(MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_PLAIN_TYPE).build();
    /** What these answers vary on: the media type asked for, and whether the caller is an editor. */
    private static final String VARY = HttpHeaders.ACCEPT + ", " + HttpHeaders.AUTHORIZATION;
    private static final Set<String> LIST_PARAMETERS = Set.of("q", "section", "tag", "from", "to", "sort", "status",
            "limit", "cursor");
    private static final int MAX_QUERY_LENGTH = 200;

    private final ArticleService articles;
    private final Representations representations;
    private final SecurityIdentity identity;
    private final Idempotency idempotency;

    public ArticleResource(ArticleService articles, Representations representations, SecurityIdentity identity,
            Idempotency idempotency) {
        this.articles = articles;
        this.representations = representations;
        this.identity = identity;
        this.idempotency = idempotency;
    }

    @GET
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT})
    @Operation(summary = "List articles", description = "Published articles, newest first, cursor-paged. Editors may ask for status=draft or status=scheduled.")
    @APIResponse(responseCode = "200", description = "A page of article summaries; a Link header names the next page")
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
            @QueryParam("cursor") String cursor, @Context UriInfo uri, @Context Request request) {
        QueryParameters.allowOnly(uri, LIST_PARAMETERS);
        ArticleListQuery.Visibility visibility = ArticleListQuery.Visibility.valueOf(QueryParameters
                .oneOf("status", status, "published", Set.of("published", "draft", "scheduled"))
                .toUpperCase(java.util.Locale.ROOT));
        if (visibility != ArticleListQuery.Visibility.PUBLISHED) {
            Roles.require(identity, Roles.EDITOR);
        }
        String search = q == null ? null : q.strip();
        if (search != null && (search.isEmpty() || search.length() > MAX_QUERY_LENGTH
                || !search.codePoints()
                        .allMatch(c -> !Character.isISOControl(c) && !Character.isSurrogate((char) c)))) {
            throw org.newsroom.content.shared.error.ApiException.invalid("q",
                    "must be 1 to " + MAX_QUERY_LENGTH + " characters of one line");
        }
        ArticleListQuery.Sort order = ArticleListQuery.Sort.valueOf(QueryParameters
                .oneOf("sort", sort, search == null ? "newest" : "relevance",
                        Set.of("newest", "oldest", "relevance"))
                .toUpperCase(java.util.Locale.ROOT));
        if (order == ArticleListQuery.Sort.RELEVANCE && search == null) {
            throw org.newsroom.content.shared.error.ApiException.invalid("sort", "relevance needs a search (q)");
        }
        tag.forEach(value -> Slugs.checkedParameter("tag", value));
        Slugs.checkedParameter("section", section);
        ArticleListQuery query = new ArticleListQuery(visibility, search, section, List.copyOf(tag),
                QueryParameters.instantOrDay("from", from, false), QueryParameters.instantOrDay("to", to, true),
                order, QueryParameters.limit(limit), cursor);
        boolean shared = visibility == ArticleListQuery.Visibility.PUBLISHED && !isEditor();
        Listed<ArticleSummary> listed = articles.list(query);
        Variant chosen = request.selectVariant(REPRESENTATIONS);
        if (chosen != null && chosen.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE)) {
            // One line per article for terminals; its own ETag, since it is another representation.
            return representations.page(ArticleLines.of(listed.page().items()), listed.etag().replace("\"l", "\"t"),
                    listed.page().nextCursor(), uri, shared).type(TEXT).header(HttpHeaders.VARY, VARY).build();
        }
        return representations.page(listed, uri, shared).header(HttpHeaders.VARY, VARY).build();
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an article from JSON", description = "A draft unless status says otherwise")
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    public Response create(@NotNull @Valid ArticleWrite body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "A retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri) {
        return created(idempotencyKey, body, () -> articles.create(body), uri);
    }

    @POST
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.TEXT_PLAIN)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an article from the plain-text format", description = "Line 1 the headline, line 2 the sub-headline, then one block per line (README: the plain-text format). Always a draft.")
    @RequestBody(content = @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "201", description = "Created; Location names it", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    public Response createFromText(String body,
            @HeaderParam(Idempotency.HEADER) @Parameter(description = "A retry with the same key and body replays the first answer") String idempotencyKey,
            @Context UriInfo uri) {
        String text = body == null ? "" : body;
        return created(idempotencyKey, text, () -> articles.createFromText(text), uri);
    }

    @GET
    @Path("{ref}")
    @PermitAll
    @Produces({MediaType.APPLICATION_JSON, TEXT})
    @Operation(summary = "Read one article with its paragraphs", description = "{ref} is the id or the slug. Drafts and scheduled articles are 404 to readers. Accept: text/plain answers the plain-text format.")
    @APIResponse(responseCode = "200", description = "The article, with a strong ETag", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ArticleResponse.class)),
            @Content(mediaType = MediaType.TEXT_PLAIN, schema = @Schema(type = SchemaType.STRING))})
    public Response get(@PathParam("ref") String ref, @Context Request request) {
        Variant chosen = request.selectVariant(REPRESENTATIONS);
        boolean text = chosen != null && chosen.getMediaType().isCompatible(MediaType.TEXT_PLAIN_TYPE);
        ArticleService.Read<?> read = text
                ? articles.getText(ref, isEditor(), representations::isNotModified)
                : articles.get(ref, isEditor(), representations::isNotModified);
        if (read.isNotModified()) {
            return representations.notModified(read.etag(), read.lastModified(), read.public_())
                    .header(HttpHeaders.VARY, VARY).build();
        }
        return representations.ok(read.body(), read.etag(), read.lastModified(), read.public_())
                .type(text ? TEXT : MediaType.APPLICATION_JSON).header(HttpHeaders.VARY, VARY).build();
    }

    @PUT
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace an article's metadata and body", description = "Needs If-Match with the current ETag. An absent slug keeps the current one.")
    @APIResponse(responseCode = "200", description = "The article as stored", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    public Response replace(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch,
            @NotNull @Valid ArticleWrite body) {
        return written(articles.replace(ref, ifMatch, body));
    }

    @PATCH
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Consumes(MergePatch.MEDIA_TYPE)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change some fields (JSON Merge Patch)", description = "Needs If-Match. The body is rewritten only when the patch has paragraphs.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(implementation = ArticleWrite.class)))
    @APIResponse(responseCode = "200", description = "The article as stored", content = @Content(schema = @Schema(implementation = ArticleResponse.class)))
    public Response patch(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch, JsonNode body) {
        return written(articles.patch(ref, ifMatch, body));
    }

    @DELETE
    @Path("{ref}")
    @RolesAllowed(Roles.EDITOR)
    @Operation(summary = "Delete an article", description = "Needs If-Match; its paragraphs and comments go with it")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("ref") String ref,
            @HeaderParam(HttpHeaders.IF_MATCH) @Parameter(required = true) String ifMatch) {
        articles.delete(ref, ifMatch);
        return Response.noContent().build();
    }

    private Response created(String idempotencyKey, Object request,
            Supplier<ArticleService.Read<ArticleResponse>> create, UriInfo uri) {
        Idempotency.Answer answer = idempotency.run("POST " + uri.getPath(), idempotencyKey, request, () -> {
            ArticleService.Read<ArticleResponse> read = create.get();
            URI location = uri.getBaseUriBuilder().path(ApiPaths.BASE).path("articles")
                    .path(String.valueOf(read.body().id())).build();
            return new Idempotency.Created(Response.Status.CREATED.getStatusCode(), read.body(), location, read.etag());
        });
        return IdempotentResponses.of(answer).build();
    }

    private Response written(ArticleService.Read<ArticleResponse> read) {
        return representations.ok(read.body(), read.etag(), read.lastModified(), false).build();
    }

    private boolean isEditor() {
        return identity.hasRole(Roles.EDITOR);
    }
}
