package org.newsroom.content.article;

import java.time.Instant;
import java.util.List;

/** The checked parameters of {@code GET /articles}. */
public record ArticleListQuery(Visibility visibility, String section, List<String> tags, Instant from, Instant to,
        boolean newestFirst, int limit, String cursor) {

    public enum Visibility {
        PUBLISHED, SCHEDULED, DRAFT
    }

    /** Cursors carry this, so a cursor from one ordering is refused by another. */
    String ordering() {
        return visibility.name().toLowerCase(java.util.Locale.ROOT) + (newestFirst ? "-newest" : "-oldest");
    }
}
