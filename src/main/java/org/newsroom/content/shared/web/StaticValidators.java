package org.newsroom.content.shared.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.newsroom.content.shared.Hashing;
import org.newsroom.content.shared.version.KnownVersions;

import io.quarkus.arc.Arc;
import io.quarkus.smallrye.openapi.runtime.OpenApiConstants;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Validators for what does not change while the service runs, and changes with every deploy:
 * <ul>
 * <li>The reader page ({@code /}, {@code reader.js}, {@code reader.css}): Vert.x would send them
 * {@code public, immutable, max-age=86400} under names that never change, so readers kept an old page a day after a
 * deploy. They are {@code no-cache} with an ETag of their content instead: a browser asks each time and mostly gets a
 * 304 (README: The reader page).</li>
 * <li>The OpenAPI document ({@code /q/openapi}, in YAML or JSON): an ETag of its bytes, 304 to a client that has
 * them, {@code no-cache}. (Its compression is {@code quarkus.http.compress-media-types}.)</li>
 * </ul>
 */
@Singleton
public class StaticValidators {

    static final String REVALIDATE = "no-cache";
    private static final String OPENAPI = "/q/openapi";
    private static final Map<String, String> READER_PAGE = Map.of("/", "index.html", "/index.html", "index.html",
            "/reader.js", "reader.js", "/reader.css", "reader.css");

    private final Map<String, String> tags = new ConcurrentHashMap<>();
    private final CompressibleTypes compressible;

    public StaticValidators(CompressibleTypes compressible) {
        this.compressible = compressible;
    }

    void register(@Observes Router router) {
        // Before the static files and the OpenAPI handler, after the limits (RouteProblems, ExpensiveReads).
        router.route().order(Integer.MIN_VALUE + 3).handler(this::validate);
    }

    private void validate(RoutingContext context) {
        HttpMethod method = context.request().method();
        String path = context.request().path();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || path == null) {
            context.next();
            return;
        }
        String tag;
        boolean openApi = false;
        if (READER_PAGE.containsKey(path)) {
            tag = tags.computeIfAbsent(path, page -> tagOf(resource(READER_PAGE.get(page))));
        } else if (path.equals(OPENAPI) || path.startsWith(OPENAPI + ".")) {
            openApi = true;
            Format format = openApiFormat(context);
            tag = tags.computeIfAbsent(OPENAPI + " " + format, key -> tagOf(Arc.container()
                    .instance(OpenApiDocumentService.class).get()
                    .getDocument(OpenApiConstants.DEFAULT_DOCUMENT_NAME, format)));
        } else {
            context.next();
            return;
        }
        String etag = "\"" + tag + "\"";
        boolean compress = openApi;
        context.addHeadersEndHandler(headersEnd -> {
            if (compress) {
                compressIfAsked(context);
            }
            int status = context.response().getStatusCode();
            if (status == 200 || status == 304) {
                context.response().headers().set(HttpHeaders.ETAG, etag).set(HttpHeaders.CACHE_CONTROL, REVALIDATE);
            }
        });
        String ifNoneMatch = context.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && KnownVersions.ofIfNoneMatch(ifNoneMatch).includesTag(tag)) {
            context.response().setStatusCode(304).end();
        } else {
            context.next();
        }
    }

    /**
     * Quarkus compresses only the routes it wraps (REST endpoints, static files), by taking away the
     * {@code Content-Encoding: identity} it puts on every answer; the OpenAPI handler is not one of them.
     */
    private void compressIfAsked(RoutingContext context) {
        var headers = context.response().headers();
        String contentType = headers.get(HttpHeaders.CONTENT_TYPE);
        if (HttpHeaders.IDENTITY.toString().equals(headers.get(HttpHeaders.CONTENT_ENCODING))
                && compressible.includes(contentType)) {
            headers.remove(HttpHeaders.CONTENT_ENCODING);
        }
    }

    /** The format the OpenAPI handler answers: by the path's extension, else JSON when asked, else YAML. */
    private static Format openApiFormat(RoutingContext context) {
        String path = context.request().path();
        if (path.endsWith(".json")) {
            return Format.JSON;
        }
        if (path.endsWith(".yaml") || path.endsWith(".yml")) {
            return Format.YAML;
        }
        String accept = context.request().getHeader(HttpHeaders.ACCEPT);
        String format = context.queryParam("format").isEmpty() ? null : context.queryParam("format").get(0);
        return (accept != null && accept.contains(Format.JSON.getMimeType())) || "JSON".equalsIgnoreCase(format)
                ? Format.JSON
                : Format.YAML;
    }

    private static String tagOf(byte[] content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashing.sha256(content)).substring(0, 22);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Thread.currentThread().getContextClassLoader()
                .getResourceAsStream("META-INF/resources/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the reader page's " + name + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
