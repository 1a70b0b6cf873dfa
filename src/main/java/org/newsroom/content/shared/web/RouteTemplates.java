package org.newsroom.content.shared.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;

/**
 * The route template of the endpoint that answers a request ({@code /api/v1/articles/{ref}}), where Quarkus keeps it:
 * the REST layer puts it in the request's Vert.x context under {@value #KEY} when it matches an endpoint, and
 * Micrometer's HTTP metrics, the OpenTelemetry span ({@code http.route}) and the access log read it from there. An
 * answer given before the REST layer (a cached read, shared/cache/CachedReads) puts the template of the endpoint that
 * made it, so that it is labelled as the same route.
 */
public final class RouteTemplates {

    /** The context-local key Quarkus's REST layer writes and its metrics and tracing read. */
    public static final String KEY = "UrlPathTemplate";

    private RouteTemplates() {
    }

    /** The template of the endpoint that answered (or is answering) this request, or null if none matched. */
    public static String of(HttpServerRequest request) {
        Object template = ((HttpServerRequestInternal) request).context().getLocal(KEY);
        return template instanceof String text ? text : null;
    }

    /** Labels this request with {@code template}, as the REST layer would have (nothing for null). */
    public static void label(HttpServerRequest request, String template) {
        if (template != null) {
            ((HttpServerRequestInternal) request).context().putLocal(KEY, template);
        }
    }
}
