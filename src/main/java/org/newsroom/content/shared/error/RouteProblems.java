package org.newsroom.content.shared.error;

import java.util.List;

import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.Handler;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problems for what never reaches the REST layer's mapper: a path no endpoint matches, and a body over
 * {@code quarkus.http.limits.max-body-size}, which Vert.x refuses before any parsing (docs/http-api.md §6).
 */
public class RouteProblems {

    private final long maxBodyBytes;

    public RouteProblems(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodyBytes = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        // A declared length over the limit is answered at once, before a byte of the body is read. (A chunked
        // body that grows past it is still cut off by Quarkus, with a bare 413.)
        router.route().order(Integer.MIN_VALUE).handler(bodyLimit(maxBodyBytes));
        router.route().order(Integer.MAX_VALUE)
                .handler(context -> write(context, ErrorCode.NOT_FOUND, ProblemMapper.detailFor(ErrorCode.NOT_FOUND)));
    }

    /** A handler that answers 413 for a declared body over {@code limit} bytes and passes the rest on. */
    public static Handler<RoutingContext> bodyLimit(long limit) {
        return context -> {
            if (declaredLength(context) > limit) {
                context.response().putHeader("Connection", "close");
                write(context, ErrorCode.PAYLOAD_TOO_LARGE,
                        "The body is larger than the " + limit + " bytes allowed here");
            } else {
                context.next();
            }
        };
    }

    private static long declaredLength(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        try {
            return length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A problem to retry after {@code seconds}, answered from the event loop. */
    public static void retryLater(RoutingContext context, ErrorCode code, String detail, long seconds) {
        context.response().putHeader("Retry-After", String.valueOf(seconds));
        write(context, code, detail);
    }

    /** Answers the problem from the event loop, before the REST layer. */
    public static void write(RoutingContext context, ErrorCode code, String detail) {
        Problem problem = Problem.of(code, detail, context.request().path(), List.of());
        context.response().setStatusCode(code.status).putHeader("Content-Type", Problem.MEDIA_TYPE)
                .end(Json.encode(problem));
    }
}
