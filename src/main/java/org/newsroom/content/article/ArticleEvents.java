package org.newsroom.content.article;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.outbox.EventType;
import org.newsroom.content.shared.outbox.Outbox;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outbox events of article changes, decided by what readers could see before and can see after: the event
 * follows the article's visibility, not the editor's action (docs/http-api.md, Webhooks). A draft's changes are no
 * event; a scheduled publication is an {@code article.published} deliverable at its time, withdrawn and written again
 * when the article changes before then.
 */
@ApplicationScoped
class ArticleEvents {

    /** What readers could see of an article before a change: read before the change is applied. */
    record Before(ArticleStatus status, Instant publishedAt, String section, List<String> tags) {

        /** A new article: nothing was visible. */
        static final Before NOTHING = new Before(ArticleStatus.DRAFT, null, null, List.of());

        static Before of(Article article) {
            return new Before(article.status, article.publishedAt, article.section, ArticleEvents.tags(article));
        }

        boolean visibleAt(Instant now) {
            return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
        }

        boolean scheduledAt(Instant now) {
            return status == ArticleStatus.PUBLISHED && publishedAt != null && publishedAt.isAfter(now);
        }
    }

    private final Outbox outbox;

    ArticleEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /** After a change is flushed (the article's version is the stored one). */
    void changed(Before before, Article article, Instant now) {
        if (before.scheduledAt(now)) {
            outbox.withdrawScheduled(article.id, now);
        }
        boolean visibleBefore = before.visibleAt(now);
        boolean visibleAfter = article.isVisibleToReaders(now);
        if (visibleBefore && visibleAfter) {
            record(EventType.ARTICLE_UPDATED, before, article, now, now);
        } else if (visibleBefore) {
            record(EventType.ARTICLE_UNPUBLISHED, before, article, now, now);
        } else if (visibleAfter) {
            record(EventType.ARTICLE_PUBLISHED, before, article, now, now);
        }
        if (article.status == ArticleStatus.PUBLISHED && article.publishedAt != null
                && article.publishedAt.isAfter(now)) {
            record(EventType.ARTICLE_PUBLISHED, before, article, now, article.publishedAt);
        }
    }

    /** Before the article's row is deleted. */
    void deleted(Before before, Article article, Instant now) {
        if (before.scheduledAt(now)) {
            outbox.withdrawScheduled(article.id, now);
        }
        if (before.visibleAt(now)) {
            record(EventType.ARTICLE_DELETED, before, article, now, now);
        }
    }

    private void record(EventType type, Before before, Article article, Instant now, Instant visibleAt) {
        ObjectNode data = outbox.data();
        data.put("id", article.id);
        data.put("slug", article.slug);
        data.put("version", Versions.of(article).tag());
        data.put("status", type == EventType.ARTICLE_DELETED ? "deleted" : article.status.wire());
        data.put("publishedAt", article.publishedAt == null ? null : article.publishedAt.toString());
        data.put("section", article.section);
        data.putPOJO("tags", ArticleEvents.tags(article));
        data.putPOJO("surrogateKeys", surrogateKeys(type, before, article));
        outbox.record(type, article.id, null, data, now, visibleAt);
    }

    /**
     * The purge keys of the public answers the change makes stale (those of the purge-key headers): the article, the
     * lists and feeds, the sections and tags it was and is filed under, and its comments when it is gone.
     */
    private static List<String> surrogateKeys(EventType type, Before before, Article article) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add("article-" + article.id);
        if (type == EventType.ARTICLE_DELETED) {
            keys.add("comments-" + article.id);
        }
        keys.add("list");
        keys.add("feed");
        if (before.section() != null) {
            keys.add("section-" + before.section());
        }
        if (article.section != null) {
            keys.add("section-" + article.section);
        }
        before.tags().forEach(tag -> keys.add("tag-" + tag));
        tags(article).forEach(tag -> keys.add("tag-" + tag));
        return List.copyOf(keys);
    }

    private static List<String> tags(Article article) {
        return article.tags == null ? List.of() : List.copyOf(article.tags);
    }
}
