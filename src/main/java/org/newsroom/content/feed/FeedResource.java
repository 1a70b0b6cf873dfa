package org.newsroom.content.feed;

import java.util.List;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
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
import org.newsroom.content.shared.error.ProblemDocs;
import org.newsroom.content.shared.web.PublicUrls;
import org.newsroom.content.shared.web.Representations;

/**
 * The latest published articles as RSS 2.0, Atom 1.0 and JSON Feed 1.1 (docs/http-api.md §8), outside {@code /api/v1} like
 * most sites' feeds. Each carries a weak ETag and Last-Modified, and a 304 reads no paragraph.
 */
@Path("/feeds")
@Tag(name = "Feeds", description = "RSS 2.0, Atom 1.0 and JSON Feed 1.1 of the latest published articles")
public class FeedResource {

    static final String RSS = "application/rss+xml";
    static final String ATOM = "application/atom+xml";
    static final String JSON_FEED = "application/feed+json";

    private final FeedService feeds;
    private final Representations representations;
    private final PublicUrls urls;

    public FeedResource(FeedService feeds, Representations representations, PublicUrls urls) {
        this.feeds = feeds;
        this.representations = representations;
        this.urls = urls;
    }

    // Each also answers a client that asks for plain XML or JSON: feed readers differ in what they put in Accept,
    // and the answer is always labelled with the feed's own media type.

    @GET
    @Path("articles.rss")
    @PermitAll
    @Produces({RSS, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "getRssFeed", summary = "RSS 2.0 feed of the latest articles", description = "The latest 50 published articles, newest first, with the full text in content:encoded")
    @APIResponse(responseCode = "200", description = "The feed, with a weak ETag", content = @Content(mediaType = RSS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response rss(@QueryParam("section") String section,
            @QueryParam("tag") @Parameter(description = "Repeatable: all must match") List<String> tag,
            @Context UriInfo uri) {
        return answer(FeedKind.RSS, section, tag, uri);
    }

    @GET
    @Path("articles.atom")
    @PermitAll
    @Produces({ATOM, MediaType.APPLICATION_XML, MediaType.TEXT_XML})
    @Operation(operationId = "getAtomFeed", summary = "Atom 1.0 feed of the latest articles", description = "The latest 50 published articles, newest first, with the full text as HTML content")
    @APIResponse(responseCode = "200", description = "The feed, with a weak ETag", content = @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response atom(@QueryParam("section") String section,
            @QueryParam("tag") @Parameter(description = "Repeatable: all must match") List<String> tag,
            @Context UriInfo uri) {
        return answer(FeedKind.ATOM, section, tag, uri);
    }

    @GET
    @Path("articles.json")
    @PermitAll
    @Produces({JSON_FEED, MediaType.APPLICATION_JSON})
    @Operation(operationId = "getJsonFeed", summary = "JSON Feed 1.1 of the latest articles", description = "The latest 50 published articles, newest first, with content_html and content_text")
    @APIResponse(responseCode = "200", description = "The feed, with a weak ETag", content = @Content(mediaType = JSON_FEED, schema = @Schema(implementation = JsonFeed.class)))
    @APIResponse(responseCode = "400", description = ProblemDocs.BAD_QUERY)
    public Response json(@QueryParam("section") String section,
            @QueryParam("tag") @Parameter(description = "Repeatable: all must match") List<String> tag,
            @Context UriInfo uri) {
        return answer(FeedKind.JSON, section, tag, uri);
    }

    private Response answer(FeedKind kind, String section, List<String> tags, UriInfo uri) {
        FeedFilter filter = FeedFilter.checked(uri, section, tags);
        return representations.render(feeds.feed(kind, filter, FeedLinks.of(urls, uri), representations.known()), null,
                kind.mediaType).build();
    }
}
