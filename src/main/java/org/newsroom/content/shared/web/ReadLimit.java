package org.newsroom.content.shared.web;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/**
 * A cap on what is read of a body on routes that allow less than the whole service: a route handler ({@link #cap})
 * names the limit, and the body is counted as it is read, so that a chunked body (which declares no length) is held
 * to it too. One byte past it is a 413 problem; the rest is never read (the connection closes after the answer).
 * Before {@link StrictUtf8}, which reads the whole body.
 */
@Provider
@Priority(Priorities.ENTITY_CODER)
public class ReadLimit implements ReaderInterceptor {

    private static final String LIMIT = ReadLimit.class.getName();

    private final CurrentVertxRequest request;

    public ReadLimit(CurrentVertxRequest request) {
        this.request = request;
    }

    /** A route handler that caps what will be read of this route's bodies at {@code limit} bytes. */
    public static Handler<RoutingContext> cap(long limit) {
        return context -> {
            context.put(LIMIT, limit);
            context.next();
        };
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        RoutingContext routing = request.getCurrent();
        Long limit = routing == null ? null : routing.get(LIMIT);
        if (limit != null) {
            context.setInputStream(new Capped(context.getInputStream(), limit, routing));
        }
        return context.proceed();
    }

    /** Counts what is read; past the limit, refuses. */
    private static final class Capped extends FilterInputStream {

        private final long limit;
        private final RoutingContext routing;
        private long read;

        Capped(InputStream in, long limit, RoutingContext routing) {
            super(in);
            this.limit = limit;
            this.routing = routing;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            counted(skipped);
            return skipped;
        }

        private void counted(long bytes) {
            read += bytes;
            if (read > limit) {
                // The rest of the body stays unread: the connection cannot carry another request after it.
                routing.response().putHeader(HttpHeaders.CONNECTION, "close");
                throw new ApiException(ErrorCode.PAYLOAD_TOO_LARGE,
                        "The body is larger than the " + limit + " bytes allowed here");
            }
        }
    }
}
