package org.newsroom.content.support;

import java.util.concurrent.atomic.AtomicLong;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Counts the requests that reach RESTEasy (and so an endpoint on a worker thread), for tests that prove an answer came
 * from the event loop without one (RepresentationCacheTest).
 */
public class EndpointCalls {

    private static final AtomicLong CALLS = new AtomicLong();

    public static long count() {
        return CALLS.get();
    }

    @ServerRequestFilter
    public void counted() {
        CALLS.incrementAndGet();
    }
}
