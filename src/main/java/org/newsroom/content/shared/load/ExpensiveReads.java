package org.newsroom.content.shared.load;

import java.util.Locale;
import java.util.concurrent.Semaphore;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.ProblemMapper;
import org.newsroom.content.shared.error.RouteProblems;
import org.newsroom.content.shared.web.ApiPaths;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One limit shared by the reads whose cost grows with the data (a search ranks every match, a feed renders fifty
 * articles, a text thread loads every reply): at most {@code content.limits.expensive-reads} run at once on an
 * instance, so they never take the database connections the cheap reads need.
 *
 * <p>
 * The limit is kept at the edge, on the event loop, before a request reaches a worker thread or a connection: one
 * more is refused with a 503 {@code OVERLOADED} problem and {@code Retry-After}, which costs next to nothing, and the
 * refusal is sent after a short pause that holds no thread, so that a client resending the instant it is refused is
 * slowed down rather than taking the cores from everyone else (measured in bench/FAULTS.md). A permit is given
 * back when the answer has been sent, so after the request's transaction has ended.
 */
@ApplicationScoped
public class ExpensiveReads {

    /** How long a refusal waits before it is sent. */
    static final long REFUSAL_PAUSE_MILLIS = 250;
    static final String DETAIL = "Too many requests of this kind are running right now; retry shortly";

    private final Semaphore permits;

    public ExpensiveReads(ContentConfig config) {
        this.permits = new Semaphore(config.limits().expensiveReads());
    }

    void register(@Observes Router router) {
        // After the body limits (RouteProblems, CommentBodyLimit), before every endpoint.
        router.route().order(Integer.MIN_VALUE + 2).handler(this::limit);
    }

    private void limit(RoutingContext context) {
        if (!isExpensive(context.request())) {
            context.next();
        } else if (permits.tryAcquire()) {
            context.addEndHandler(answered -> permits.release());
            context.next();
        } else {
            context.vertx().setTimer(REFUSAL_PAUSE_MILLIS, paused -> RouteProblems.retryLater(context,
                    ErrorCode.OVERLOADED, DETAIL, ProblemMapper.RETRY_AFTER_BUSY));
        }
    }

    /**
     * A search ({@code GET /articles?q=}), a feed, or a comment thread as text: told from the request line and its
     * Accept alone (a JSON comment list asked with text/plain among its choices counts too, which errs on the safe
     * side).
     */
    static boolean isExpensive(HttpServerRequest request) {
        if (request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD) {
            return false;
        }
        String path = request.path();
        if (path.startsWith("/feeds/")) {
            return true;
        }
        if (path.equals(ApiPaths.BASE + "/articles")) {
            String q = request.getParam("q");
            return q != null && !q.isBlank();
        }
        if (path.startsWith(ApiPaths.BASE + "/articles/") && path.endsWith("/comments")) {
            String accept = request.getHeader("Accept");
            // text/* asks for the thread too (shared/web/Negotiation).
            String asked = accept == null ? "" : accept.toLowerCase(Locale.ROOT);
            return asked.contains("text/plain") || asked.contains("text/*");
        }
        return false;
    }
}
