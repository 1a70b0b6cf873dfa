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

    public Representations(ContentConfig config) {
        this.config = config;
    }

    /** {@code shared}: anyone may read it and caches may keep it; otherwise it is an editor's or a draft's view. */
    public Response.ResponseBuilder ok(Object body, String etag, Instant lastModified, boolean shared) {
        return withValidators(Response.ok(body), etag, lastModified, shared);
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
