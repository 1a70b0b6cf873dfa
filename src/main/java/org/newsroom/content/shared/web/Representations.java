package org.newsroom.content.shared.web;

import java.time.Instant;
import java.util.Date;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.newsroom.content.shared.config.ContentConfig;

/** Validators and cache policy of single-resource answers (API.md §3). */
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

    private boolean isNotModified(String etag, Instant lastModified) {
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            for (String candidate : ifNoneMatch.split(",")) {
                String tag = candidate.trim();
                // If-None-Match uses the weak comparison: W/"x" matches "x".
                if (tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag)) {
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

    public String cacheControl(boolean shared) {
        return shared ? config.cache().published() : PRIVATE;
    }
}
