package org.newsroom.content.shared.cache;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.arc.Arc;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * How a read says what it was built from, so that the representation cache drops it when that changes and keeps it
 * otherwise. A read that says nothing is dropped after any change (never stale, only kept less long). The same names
 * become the answer's purge keys for CDNs ({@link PurgeKeyHeaders}: {@code article-<id>}, {@code comments-<id>},
 * {@code list}, {@code feed}, {@code section-<slug>}, {@code tag-<slug>}). Outside an HTTP request it does nothing.
 */
@ApplicationScoped
public class ReadDependencies {

    private static final String PURGE_KEYS = "content.purge-keys";

    private final CurrentVertxRequest request;

    public ReadDependencies(CurrentVertxRequest request) {
        this.request = request;
    }

    /** The read shows this article (its fields, its blocks). */
    public void article(long articleId) {
        dependOn(Dependency.article(articleId), "article-" + articleId);
    }

    /** The read shows this article's comments. */
    public void commentsOf(long articleId) {
        dependOn(Dependency.commentsOf(articleId), "comments-" + articleId);
    }

    /** The read shows published articles in general: the sections and tags. */
    public void publishedArticles() {
        dependOn(Dependency.publishedArticles(), "list");
    }

    /** A list or search of published articles, with the section and tags it is filtered by (null or empty: none). */
    public void list(String section, List<String> tags) {
        dependOn(Dependency.publishedArticles(), "list");
        filters(section, tags);
    }

    /** A feed of published articles, with its filters. */
    public void feed(String section, List<String> tags) {
        dependOn(Dependency.publishedArticles(), "feed");
        filters(section, tags);
    }

    private void filters(String section, List<String> tags) {
        if (section != null) {
            purgeKey("section-" + section);
        }
        if (tags != null) {
            tags.forEach(tag -> purgeKey("tag-" + tag));
        }
    }

    private void dependOn(Dependency dependency, String purgeKey) {
        RoutingContext context = current();
        if (context == null) {
            return;
        }
        Ticket ticket = context.get(CachedReads.TICKET);
        if (ticket != null) {
            ticket.dependOn(dependency);
        }
        purgeKey(purgeKey);
    }

    private void purgeKey(String key) {
        RoutingContext context = current();
        if (context == null) {
            return;
        }
        Set<String> keys = context.get(PURGE_KEYS);
        if (keys == null) {
            keys = new LinkedHashSet<>();
            context.put(PURGE_KEYS, keys);
        }
        keys.add(key);
    }

    /** The purge keys this request's read named, in the order it named them; empty when none. */
    Set<String> purgeKeys() {
        RoutingContext context = current();
        Set<String> keys = context == null ? null : context.get(PURGE_KEYS);
        return keys == null ? Set.of() : keys;
    }

    private RoutingContext current() {
        return Arc.container().requestContext().isActive() ? request.getCurrent() : null;
    }
}
