package org.newsroom.content.shared.cache;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.RouteTemplates;

import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

/**
 * Public reads answered from the representation cache on the event loop, without a worker thread, Hibernate or
 * PostgreSQL: a 200 with the stored bytes (gzip ones to a client that accepts them) or a 304. A read that misses goes
 * on to its endpoint with a {@link Ticket}; {@link CacheableResponses} puts the bytes it answers on the ticket, and when
 * its headers go out they are stored with them.
 * <p>
 * Kept: {@code GET}s of the API and the feeds without {@code Authorization} or {@code Comment-Token} (editors',
 * moderators' and authors' views are never cached) whose answer is a 200 with the public {@code Cache-Control}.
 */
@Singleton
public class CachedReads {

    static final String TICKET = "content.cache.ticket";
    /** The header of a comment's author (comment/CommentResource), who may see their own held comment. */
    private static final String COMMENT_TOKEN = "Comment-Token";
    /** The live comment streams' paths end so ({@code /articles/{ref}/comments/stream}). */
    private static final String STREAM_SUFFIX = "/comments/stream";
    /**
     * After Quarkus's own filters (CORS at 300, authentication at 200, authorization at 100), whose headers every
     * answer gets, cached or not; before the endpoints.
     */
    private static final int PRIORITY = 10;
    /** The headers of a representation that are stored with it; the rest (CORS, security headers) are per request. */
    private static final List<CharSequence> KEPT = List.of(HttpHeaders.CONTENT_TYPE, HttpHeaders.ETAG,
            HttpHeaders.LAST_MODIFIED, HttpHeaders.CACHE_CONTROL, HttpHeaders.VARY, "Link",
            PurgeKeyHeaders.SURROGATE_KEY,
            PurgeKeyHeaders.CACHE_TAG);
    /** A 304 has the validators and the cache policy, not the type or links of a body it does not send. */
    private static final List<String> NOT_ON_304 = List.of(HttpHeaders.CONTENT_TYPE.toString().toLowerCase(Locale.ROOT),
            "link");

    private final RepresentationCache cache;
    private final boolean keyedByHost;

    public CachedReads(RepresentationCache cache, ContentConfig config) {
        this.cache = cache;
        // Without a public base URL (dev mode, tests) bodies link from the request's Host.
        this.keyedByHost = config.publicBaseUrl().filter(url -> !url.isBlank()).isEmpty();
    }

    void register(@Observes Filters filters) {
        if (cache.enabled()) {
            filters.register(this::answer, PRIORITY);
        }
    }

    private void answer(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (!cache.serving() || !cacheable(request)) {
            context.next();
            return;
        }
        CacheKey key = new CacheKey(request.uri(), request.headers().get(HttpHeaders.ACCEPT),
                keyedByHost ? request.scheme() + "://" + request.headers().get(HttpHeaders.HOST) : null);
        CachedAnswer answer = cache.find(key);
        if (answer != null) {
            reply(context, answer);
            return;
        }
        Ticket ticket = cache.ticket(key);
        context.put(TICKET, ticket);
        context.addHeadersEndHandler(headersEnd -> keep(context, ticket));
        context.next();
    }

    private static boolean cacheable(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET) {
            return false;
        }
        String path = request.path();
        MultiMap headers = request.headers();
        return path != null && (path.startsWith(ApiPaths.BASE + "/") || path.startsWith("/feeds/"))
                && !isStream(path) && !headers.contains(HttpHeaders.AUTHORIZATION) && !headers.contains(COMMENT_TOKEN);
    }

    /**
     * A live stream (text/event-stream, comment/live) is never kept nor served from memory: it has no end to store,
     * and each reader's stream starts where that reader is.
     */
    static boolean isStream(String path) {
        return path.endsWith(STREAM_SUFFIX);
    }

    private static void reply(RoutingContext context, CachedAnswer answer) {
        HttpServerRequest request = context.request();
        HttpServerResponse response = context.response();
        // Labelled with the endpoint's route, as if it had answered: metrics and the access log count it there.
        RouteTemplates.label(request, answer.route());
        String[] headers = answer.headers();
        KnownVersions known = KnownVersions.ofRequest(request.headers().get(HttpHeaders.IF_NONE_MATCH),
                request.headers().get(HttpHeaders.IF_MODIFIED_SINCE));
        if (known.includes(answer.version())) {
            for (int i = 0; i < headers.length; i += 2) {
                if (!NOT_ON_304.contains(headers[i])) {
                    response.putHeader(headers[i], headers[i + 1]);
                }
            }
            response.setStatusCode(304).end();
            return;
        }
        for (int i = 0; i < headers.length; i += 2) {
            response.putHeader(headers[i], headers[i + 1]);
        }
        if (answer.gzipped() != null && acceptsGzip(request.headers().get(HttpHeaders.ACCEPT_ENCODING))) {
            response.putHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(answer.gzipped())));
        } else {
            response.end(Buffer.buffer(Unpooled.wrappedBuffer(answer.body())));
        }
    }

    /** Stores the answer as its headers go out, if it is a public 200 whose bytes the response filter kept. */
    private void keep(RoutingContext context, Ticket ticket) {
        HttpServerResponse response = context.response();
        Prepared prepared = ticket.prepared();
        MultiMap headers = response.headers();
        String etag = headers.get(HttpHeaders.ETAG);
        if (prepared == null || response.getStatusCode() != 200 || etag == null
                || !cache.isPublic(headers.get(HttpHeaders.CACHE_CONTROL))) {
            return;
        }
        List<String> kept = new ArrayList<>();
        for (CharSequence name : KEPT) {
            String value = headers.get(name);
            if (value != null) {
                kept.add(name.toString().toLowerCase(Locale.ROOT));
                kept.add(value);
            }
        }
        Version version = version(etag, headers.get(HttpHeaders.LAST_MODIFIED));
        if (version == null) {
            return;
        }
        cache.store(ticket, new CachedAnswer(prepared.body(), prepared.gzipped(), kept.toArray(String[]::new),
                version, ticket.dependency(), ticket.builtAt(), prepared.validUntil(),
                RouteTemplates.of(context.request())));
    }

    /** The version an {@code ETag} and {@code Last-Modified} pair names; null when the tag is not one. */
    static Version version(String etag, String lastModified) {
        boolean weak = etag.startsWith("W/");
        String quoted = weak ? etag.substring(2) : etag;
        if (quoted.length() < 2 || !quoted.startsWith("\"") || !quoted.endsWith("\"")) {
            return null;
        }
        Instant modified = lastModified == null ? null : KnownVersions.httpDate(lastModified).orElse(null);
        return new Version(quoted.substring(1, quoted.length() - 1), modified, weak);
    }

    /** Whether {@code Accept-Encoding} accepts gzip: named (or {@code *}) without {@code q=0} (RFC 9110 §12.5.3). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        boolean gzip = false;
        boolean anything = false;
        boolean named = false;
        for (String element : acceptEncoding.split(",")) {
            String[] parts = element.split(";");
            String coding = parts[0].trim().toLowerCase(Locale.ROOT);
            boolean acceptable = true;
            for (int i = 1; i < parts.length; i++) {
                String parameter = parts[i].trim().toLowerCase(Locale.ROOT);
                if (parameter.startsWith("q=")) {
                    acceptable = !parameter.substring(2).trim().matches("0(\\.0{0,3})?");
                }
            }
            if (coding.equals("gzip") || coding.equals("x-gzip")) {
                named = true;
                gzip = acceptable;
            } else if (coding.equals("*")) {
                anything = acceptable;
            }
        }
        return named ? gzip : anything;
    }
}
