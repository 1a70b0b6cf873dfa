package org.newsroom.content.article;

import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.cache.ScheduledArticles;

/** When the next scheduled article goes live: lists and feeds cached before then are stale from then on. */
@ApplicationScoped
public class ScheduledArticlesQuery implements ScheduledArticles {

    @Override
    @Transactional
    public Optional<Instant> nextAfter(Instant instant) {
        // On the readers' list index (article_published_idx): the first published_at after the instant.
        return Optional.ofNullable(Article.getEntityManager()
                .createQuery("SELECT min(a.publishedAt) FROM Article a WHERE a.status = :published"
                        + " AND a.publishedAt > :instant", Instant.class)
                .setParameter("published", ArticleStatus.PUBLISHED).setParameter("instant", instant)
                .getSingleResult());
    }
}
