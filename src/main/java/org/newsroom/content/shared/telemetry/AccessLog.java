package org.newsroom.content.shared.telemetry;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.client.ClientAddress;
import org.newsroom.content.shared.web.ApiPaths;
import org.newsroom.content.shared.web.RouteTemplates;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One line per request, logged when its answer has gone out (or its connection closed), under the category
 * {@value #CATEGORY} (README: Traces and logs):
 *
 * <pre>
 * method=GET route=/api/v1/articles/{ref} status=200 ms=3.1 bytes=1234 client=192.0.2.0/24 traceId=4bf9...
 * </pre>
 *
 * <ul>
 * <li>{@code route} is the template of the endpoint that answered (shared/web/RouteTemplates), never the path: a path
 * carries slugs, ids and whatever a client typed. A cached read answered on the event loop carries its endpoint's
 * template too. An answer no endpoint gave: the path itself only for a {@code GET} or {@code HEAD} answered outside the
 * API and the feeds (the platform's /q/ endpoints and the reader page's files, a fixed set), {@code NOT_FOUND} for a
 * 404, else {@code UNMATCHED} (a refusal before the REST layer: a body too large, a missing Content-Type, a busy
 * instance).</li>
 * <li>{@code client} is the network of the client (shared/client/ClientAddress, behind the trusted proxies): its IPv4
 * /24 or IPv6 /48, never the address. Logs go to systems kept longer than the one day an address may be kept (README:
 * Security and privacy), and a keyed hash of an IPv4 address is no protection (all 2^32 can be hashed in minutes by
 * whoever holds the key); a /24 or /48 still shows where a flood comes from.</li>
 * <li>{@code traceId} names the request's trace, as in its problem body and its other log lines.</li>
 * </ul>
 * Health probes ({@code /q/health...}) are logged at DEBUG: an orchestrator sends them every few seconds.
 */
@Singleton
public class AccessLog {

    public static final String CATEGORY = "org.newsroom.content.access";
    static final String NOT_FOUND = "NOT_FOUND";
    static final String UNMATCHED = "UNMATCHED";
    private static final Logger LOG = Logger.getLogger(CATEGORY);
    private static final String PROBES = "/q/health";

    private final ClientAddress clients;

    public AccessLog(ClientAddress clients) {
        this.clients = clients;
    }

    /**
     * Before every other route, those of this application at the same order included (observed first), so that it sees
     * every answer, the early refusals (413, 415, 503) and the cached reads too.
     */
    void register(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        long started = System.nanoTime();
        String traceId = TraceIds.current();
        context.addEndHandler(ended -> log(context, started, traceId));
        context.next();
    }

    private void log(RoutingContext context, long started, String traceId) {
        HttpServerRequest request = context.request();
        String path = request.path();
        boolean probe = path != null && path.startsWith(PROBES);
        if (probe ? !LOG.isDebugEnabled() : !LOG.isInfoEnabled()) {
            return;
        }
        int status = context.response().getStatusCode();
        String line = "method=" + request.method().name()
                + " route=" + route(RouteTemplates.of(request), request.method(), path, status)
                + " status=" + status
                + " ms=" + millis(System.nanoTime() - started)
                + " bytes=" + context.response().bytesWritten()
                + " client=" + clients.loggedNetworkOf(request)
                + " traceId=" + (traceId == null ? "-" : traceId);
        if (probe) {
            LOG.debug(line);
        } else {
            LOG.info(line);
        }
    }

    /** What the line names as the route: see the class comment. */
    static String route(String template, HttpMethod method, String path, int status) {
        if (template != null) {
            return template;
        }
        if (status == 404) {
            return NOT_FOUND;
        }
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (read && status < 400 && path != null && !path.startsWith(ApiPaths.BASE) && !path.startsWith("/feeds")) {
            return path;
        }
        return UNMATCHED;
    }

    /** Milliseconds with one decimal, {@code 3.1}. */
    static String millis(long nanos) {
        long tenths = Math.round(nanos / 100_000.0);
        return tenths / 10 + "." + tenths % 10;
    }
}
