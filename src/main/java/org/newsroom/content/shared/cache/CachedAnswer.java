package org.newsroom.content.shared.cache;

import java.time.Instant;

import org.newsroom.content.shared.version.Version;

/**
 * One public representation as it went out: its bytes (and their gzip variant, compressed once), the headers that
 * describe it, its version for conditional requests, and what it depends on.
 *
 * @param headers the representation's own headers, name and value in turn (Content-Type, ETag, Cache-Control, ...)
 * @param gzipped the body compressed with gzip, or null when its type is not one the service compresses
 * @param builtAt the cache's change count when the request that built it started (see RepresentationCache)
 * @param validUntil when a scheduled article goes live and the representation may change, or null
 * @param route the route template of the endpoint that made it (shared/web/RouteTemplates), or null
 */
record CachedAnswer(byte[] body, byte[] gzipped, String[] headers, Version version, Dependency dependency, long builtAt,
        Instant validUntil, String route) {

    /** What Caffeine weighs: the bytes, and a fixed allowance for the key, the headers and the objects. */
    int weight() {
        return body.length + (gzipped == null ? 0 : gzipped.length) + 1024;
    }
}
