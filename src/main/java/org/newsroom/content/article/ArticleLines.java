package org.newsroom.content.article;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** A list of articles for a terminal: one line each, the publication (or creation) day, the slug, the headline. */
final class ArticleLines {

    private ArticleLines() {
    }

    static String of(List<ArticleSummary> articles) {
        StringBuilder text = new StringBuilder();
        int slugWidth = articles.stream().mapToInt(a -> a.slug().length()).max().orElse(0);
        for (ArticleSummary article : articles) {
            var when = article.publishedAt() != null ? article.publishedAt() : article.createdAt();
            text.append(when.atZone(ZoneOffset.UTC).toLocalDate()).append("  ")
                    .append(String.format(Locale.ROOT, "%-" + slugWidth + "s", article.slug())).append("  ")
                    .append(article.headline()).append('\n');
        }
        return text.toString();
    }
}
