package org.newsroom.content.shared.cache;

import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Every public answer (200 or 304 with the public {@code Cache-Control}) names what it shows, for CDNs to purge by:
 * {@code Surrogate-Key} (Fastly, space-separated) and {@code Cache-Tag} (Cloudflare, comma-separated), with the keys
 * the read named through {@link ReadDependencies}: {@code article-<id>}, {@code comments-<articleId>}, {@code list},
 * {@code feed}, {@code section-<slug>}, {@code tag-<slug>} (README: HTTP for frontends, CDNs and terminals). Private
 * answers have none. Cached answers keep them with their other headers.
 */
@Provider
public class PurgeKeyHeaders implements ContainerResponseFilter {

    public static final String SURROGATE_KEY = "Surrogate-Key";
    public static final String CACHE_TAG = "Cache-Tag";

    // Lazy proxies only: RESTEasy makes its providers before the configuration is read.
    private final ReadDependencies dependencies;
    private final RepresentationCache cache;

    public PurgeKeyHeaders(ReadDependencies dependencies, RepresentationCache cache) {
        this.dependencies = dependencies;
        this.cache = cache;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        int status = response.getStatus();
        if ((status != 200 && status != 304) || !cache.isPublic(response.getHeaderString(HttpHeaders.CACHE_CONTROL))) {
            return;
        }
        Set<String> keys = dependencies.purgeKeys();
        if (!keys.isEmpty()) {
            response.getHeaders().putSingle(SURROGATE_KEY, String.join(" ", keys));
            response.getHeaders().putSingle(CACHE_TAG, String.join(",", keys));
        }
    }
}
