package org.newsroom.content.shared.web;

import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.idempotency.Idempotency;
import org.newsroom.content.shared.idempotency.IdempotencyKey;
import org.newsroom.content.shared.idempotency.Posted;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.ExpectedVersion;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Unchanged;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.version.Versioned;

/**
 * The one place where versions meet HTTP (docs/http-api.md §3): request headers become the versions a caller holds
 * or expects, and a service's {@link Read} becomes a 200 or 304 with {@code ETag}, {@code Last-Modified},
 * {@code Cache-Control} and {@code Vary}.
 */
@ApplicationScoped
public class Representations {

    public static final String PRIVATE = "private, no-store";

    private final ContentConfig config;
    private final HttpHeaders request;
    private final PublicUrls urls;

    public Representations(ContentConfig config, HttpHeaders request, PublicUrls urls) {
        this.config = config;
        this.request = request;
        this.urls = urls;
    }

    /** Which of {@code offered} this request's {@code Accept} asks for (shared/web/Negotiation); none is a 406. */
    public MediaType negotiate(List<MediaType> offered) {
        return Negotiation.choose(request.getHeaderString(HttpHeaders.ACCEPT), offered);
    }

    /** {@code If-Match} as the version a write expects; only quoted strong tags can ever match. */
    public static ExpectedVersion expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return ExpectedVersion.NONE;
        }
        Set<String> tags = new HashSet<>();
        boolean anything = false;
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            anything |= tag.equals("*");
            if (isQuoted(tag)) {
                tags.add(tag.substring(1, tag.length() - 1));
            }
        }
        return ExpectedVersion.of(tags, anything);
    }

    /** The {@code Idempotency-Key} of a POST to {@code uri}: a key counts for that endpoint alone. */
    public static IdempotencyKey idempotencyKey(String header, UriInfo uri) {
        return IdempotencyKey.of("POST " + uri.getPath(), header);
    }

    /** The versions this request's caller holds (KnownVersions.ofRequest). */
    public KnownVersions known() {
        return KnownVersions.ofRequest(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE));
    }

    /** 200 with the representation, or 304 without it, each with its validators and cache policy. */
    public Response.ResponseBuilder render(Read<?> read, String vary) {
        Response.ResponseBuilder response = read instanceof Versioned<?> fresh
                ? Response.ok(fresh.body())
                : Response.notModified();
        return withVersion(response, read.version(), read.audience(), vary);
    }

    /** As {@link #render}, labelled with {@code mediaType} when there is a body. */
    public Response.ResponseBuilder render(Read<?> read, String vary, String mediaType) {
        Response.ResponseBuilder response = render(read, vary);
        return read instanceof Versioned<?> ? response.type(mediaType) : response;
    }

    /**
     * A page of a list: as {@link #render}, with {@code Link: </this path?this query with the next cursor>;
     * rel="next"} (a reference relative to this service's root, so that no Host header ends up in it). A text page
     * ends with a line naming the next page's public URL.
     */
    public Response.ResponseBuilder renderPage(Read<? extends Paged> read, UriInfo uri, String vary) {
        if (read instanceof Unchanged<?>) {
            return render(read, vary);
        }
        Paged page = ((Versioned<? extends Paged>) read).body();
        Object entity = page.entity();
        URI next = page.nextCursor() == null
                ? null
                : uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build();
        if (next != null && page instanceof TextPage text) {
            entity = TextPage.withNextPage(text.text(), urls.of(uri, next));
        }
        Response.ResponseBuilder response = withVersion(Response.ok(entity), read.version(), read.audience(), vary);
        if (next != null) {
            response.header("Link", "<" + PublicUrls.pathAndQuery(uri, next) + ">; rel=\"next\"");
        }
        return response;
    }

    /** 201 for what a write made at {@code location}, with its version. */
    public Response.ResponseBuilder created(Versioned<?> made, String location) {
        return withVersion(Response.status(Response.Status.CREATED).header(HttpHeaders.LOCATION, location)
                .entity(made.body()), made.version(), made.audience(), null);
    }

    /**
     * The answer to a POST that may carry an {@code Idempotency-Key}: what it made now, or the first answer again,
     * marked as a replay and without a version (the resource may have changed since: read it for one).
     */
    public Response.ResponseBuilder posted(Posted posted, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(posted.outcome().status).entity(posted.body())
                .header(HttpHeaders.CACHE_CONTROL, PRIVATE);
        if (posted.location() != null) {
            // A path, not a URL: the JAX-RS location() would make it absolute from the request's Host header.
            response.header(HttpHeaders.LOCATION, ApiPaths.BASE + "/" + posted.location());
        }
        if (posted.version() != null) {
            response.header(HttpHeaders.ETAG, etag(posted.version()));
        }
        if (posted.replayed()) {
            response.type(MediaType.APPLICATION_JSON).header(Idempotency.REPLAYED_HEADER, "true");
        }
        return response;
    }

    /** A private answer without a version (a decision, say): never kept by a cache. */
    public static Response.ResponseBuilder uncached(Object body) {
        return Response.ok(body).header(HttpHeaders.CACHE_CONTROL, PRIVATE);
    }

    /** The entity tag of a version: quoted, {@code W/} before a weak one. */
    public static String etag(Version version) {
        return (version.weak() ? "W/\"" : "\"") + version.tag() + "\"";
    }

    private Response.ResponseBuilder withVersion(Response.ResponseBuilder response, Version version,
            Audience audience, String vary) {
        response.header(HttpHeaders.ETAG, etag(version)).header(HttpHeaders.CACHE_CONTROL, cacheControl(audience));
        Instant lastModified = version.lastModified();
        if (lastModified != null) {
            response.lastModified(Date.from(lastModified));
        }
        if (vary != null) {
            response.header(HttpHeaders.VARY, vary);
        }
        return response;
    }

    private String cacheControl(Audience audience) {
        return audience == Audience.PUBLIC ? config.cache().published() : PRIVATE;
    }

    private static boolean isQuoted(String tag) {
        return tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"");
    }
}
