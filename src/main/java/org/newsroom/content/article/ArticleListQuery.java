package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The checked parameters of {@code GET /articles}; {@code q} is null unless the caller searches. */
public record ArticleListQuery(Visibility visibility, String q, String section, List<String> tags, Instant from,
        Instant to, Sort sort, int limit, String cursor) {

    public enum Visibility {
        PUBLISHED, SCHEDULED, DRAFT
    }

    /** Newest or oldest first by date (publication, or creation for drafts); best match first with {@code q}. */
    public enum Sort {
        NEWEST, OLDEST, RELEVANCE
    }

    /** Cursors carry this, so a cursor from one ordering is refused by another. */
    String ordering() {
        return visibility.name().toLowerCase(Locale.ROOT) + "-" + sort.name().toLowerCase(Locale.ROOT)
                + (q == null ? "" : "-search");
    }

    boolean newestFirst() {
        return sort != Sort.OLDEST;
    }
}
