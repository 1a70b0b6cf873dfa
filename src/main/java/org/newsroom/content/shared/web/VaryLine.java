package org.newsroom.content.shared.web;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The one owner of every answer's {@code Vary} line (docs/http-api.md §3). Resources name what they vary on
 * ({@code Accept}, {@code Authorization}), RESTEasy adds {@code Accept} when it negotiates, CORS adds {@code Origin},
 * Vert.x's static files {@code accept-encoding}: just before the headers go out, all of them become one line, each
 * name once, and:
 * <ul>
 * <li>{@code Accept-Encoding} on every answer that can be compressed ({@code quarkus.http.compress-media-types}, and
 * every 304, which stands for such an answer): a shared cache must never hand gzip bytes to a client that did not ask
 * for them;</li>
 * <li>{@code Accept} on every read of the API, the feeds and the OpenAPI document, which all answer by
 * {@code Accept} (another representation, or a 406), and on every 406.</li>
 * </ul>
 */
@Singleton
public class VaryLine {

    private final CompressibleTypes compressible;

    public VaryLine(CompressibleTypes compressible) {
        this.compressible = compressible;
    }

    void register(@Observes Router router) {
        // First of all routes, so that it sees every answer, the early problems (413, 503) included.
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            context.addHeadersEndHandler(headersEnd -> merge(context));
            context.next();
        });
    }

    private void merge(RoutingContext context) {
        HttpServerResponse response = context.response();
        List<String> names = new ArrayList<>();
        for (String value : response.headers().getAll(HttpHeaders.VARY)) {
            for (String name : value.split(",")) {
                add(names, name);
            }
        }
        if (negotiates(context.request()) || response.getStatusCode() == 406) {
            add(names, "Accept");
        }
        if (isCompressible(response)) {
            add(names, "Accept-Encoding");
        }
        if (names.contains("*")) {
            response.headers().set(HttpHeaders.VARY, "*");
        } else if (!names.isEmpty()) {
            response.headers().set(HttpHeaders.VARY, String.join(", ", names));
        }
    }

    private boolean isCompressible(HttpServerResponse response) {
        if (!compressible.any()) {
            return false;
        }
        return response.getStatusCode() == 304
                || compressible.includes(response.headers().get(HttpHeaders.CONTENT_TYPE));
    }

    /** Reads of the API, the feeds and the OpenAPI document answer by Accept. */
    private static boolean negotiates(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        String path = request.path();
        return path != null && (path.startsWith(ApiPaths.BASE + "/") || path.startsWith("/feeds/")
                || path.startsWith("/q/openapi"));
    }

    /** Adds a header name once, in its usual capitalisation ({@code accept-encoding} is {@code Accept-Encoding}). */
    private static void add(List<String> names, String raw) {
        String name = raw.trim();
        if (name.isEmpty()) {
            return;
        }
        StringBuilder canonical = new StringBuilder(name.length());
        boolean upper = true;
        for (char c : name.toCharArray()) {
            canonical.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            upper = c == '-';
        }
        String value = canonical.toString();
        if (!names.contains(value)) {
            names.add(value);
        }
    }

}
