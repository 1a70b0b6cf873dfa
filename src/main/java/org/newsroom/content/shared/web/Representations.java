package org.newsroom.content.shared.web;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.newsroom.content.shared.config.ContentConfig;

/** Validators, revalidation (304) and cache policy of what the service answers (API.md §3). */
@ApplicationScoped
public class Representations {

    public static final String PRIVATE = "private, no-store";

    private final ContentConfig config;

    private final HttpHeaders request;

    public Representations(ContentConfig config, HttpHeaders request) {
        this.config = config;
        this.request = request;
    }

    /**
     * 200 with the body and its validators, or 304 without a body when the client's copy is current
     * ({@code If-None-Match}, else {@code If-Modified-Since}, RFC 9110 §13.2.2). {@code shared}: anyone may read it
     * and caches may keep it; otherwise it is an editor's or a draft's view.
     */
    public Response.ResponseBuilder ok(Object body, String etag, Instant lastModified, boolean shared) {
        if (isNotModified(etag, lastModified)) {
            return withValidators(Response.notModified(), etag, lastModified, shared);
        }
        return withValidators(Response.ok(body), etag, lastModified, shared);
    }

    /** 304 for a client whose copy is current; the caller has not loaded or serialised the body. */
    public Response.ResponseBuilder notModified(String etag, Instant lastModified, boolean shared) {
        return withValidators(Response.notModified(), etag, lastModified, shared);
    }

    /**
     * A list page: 304 when the client's copy is current (its weak ETag), else the page with its ETag and, when
     * there is a next page, {@code Link: <the same query with the next cursor>; rel="next"}.
     */
    public <T> Response.ResponseBuilder page(Listed<T> listed, UriInfo uri, boolean shared) {
        return page(listed.page(), listed.etag(), listed.page().nextCursor(), uri, shared);
    }

    /** The same for another representation of a page ({@code body}: its text, say). */
    public Response.ResponseBuilder page(Object body, String etag, String next, UriInfo uri, boolean shared) {
        if (isNotModified(etag, null)) {
            return Response.notModified().header(HttpHeaders.ETAG, etag)
                    .header(HttpHeaders.CACHE_CONTROL, cacheControl(shared));
        }
        Response.ResponseBuilder response = Response.ok(body).header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, cacheControl(shared));
        if (next != null) {
            String link = uri.getRequestUriBuilder().replaceQueryParam("cursor", next).build().toString();
            response.header("Link", "<" + link + ">; rel=\"next\"");
        }
        return response;
    }

    /**
     * Whether the client's copy is current: {@code If-None-Match} (weak comparison), else {@code If-Modified-Since}
     * (RFC 9110 §13.2.2).
     */
    public boolean isNotModified(String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                // If-None-Match uses the weak comparison: W/"x" matches "x".
                if (tag.equals("*") || opaque(tag).equals(opaque(etag))) {
                    return true;
                }
            }
            return false;
        }
        String ifModifiedSince = request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = java.time.ZonedDateTime
                        .parse(ifModifiedSince, java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(since);
            } catch (java.time.format.DateTimeParseException e) {
                return false; // an unreadable date is ignored, as RFC 9110 says
            }
        }
        return false;
    }

    public Response.ResponseBuilder withValidators(Response.ResponseBuilder response, String etag,
            Instant lastModified, boolean shared) {
        response.header(HttpHeaders.ETAG, etag).header(HttpHeaders.CACHE_CONTROL, cacheControl(shared));
        if (lastModified != null) {
            response.lastModified(Date.from(lastModified));
        }
        return response;
    }

    private static String opaque(String etag) {
        return etag.startsWith("W/") ? etag.substring(2) : etag;
    }

    public String cacheControl(boolean shared) {
        return shared ? config.cache().published() : PRIVATE;
    }
}
