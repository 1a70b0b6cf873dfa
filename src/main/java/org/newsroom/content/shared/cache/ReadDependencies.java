package org.newsroom.content.shared.cache;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * How a read says what it was built from, so that the representation cache drops it when that changes and keeps it
 * otherwise. A read that says nothing is dropped after any change (never stale, only kept less long). Outside an HTTP
 * request, or when the request is not one the cache keeps, it does nothing.
 */
@ApplicationScoped
public class ReadDependencies {

    private final CurrentVertxRequest request;

    public ReadDependencies(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The read shows this article (its fields, its blocks). */
    public void article(long articleId) {
        dependOn(Dependency.article(articleId));
    }

    /** The read shows this article's comments. */
    public void commentsOf(long articleId) {
        dependOn(Dependency.commentsOf(articleId));
    }

    /** The read shows published articles in general: a list, a search, the sections and tags, a feed. */
    public void publishedArticles() {
        dependOn(Dependency.publishedArticles());
    }

    private void dependOn(Dependency dependency) {
        if (!Arc.container().requestContext().isActive()) {
            return;
        }
        RoutingContext context = request.getCurrent();
        Ticket ticket = context == null ? null : context.get(CachedReads.TICKET);
        if (ticket != null) {
            ticket.dependOn(dependency);
        }
    }
}
