package org.newsroom.content.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.content.article.ArticleSummary;
import org.newsroom.content.article.ArticleText;
import org.newsroom.content.article.BlockTypes;
import org.newsroom.content.article.Paragraph;

/**
 * One article as every feed shows it: its permanent id (not its URL, which moves with the slug), the reader page's
 * address of it, its plain-text fields as stored, and its full text as escaped HTML and as the
 * plain-text article format. {@code author} and {@code summary} may be null.
 */
record FeedItem(String id, String url, String title, String summary, String html, String text, Instant published,
        Instant updated, String author, List<String> categories) {

    static FeedItem of(ArticleSummary article, List<Paragraph> blocks, FeedLinks links) {
        List<String> categories = new ArrayList<>();
        if (article.section() != null) {
            categories.add(article.section());
        }
        article.tags().stream().filter(tag -> !categories.contains(tag)).forEach(categories::add);
        String author = article.byline() == null || article.byline().isBlank() ? null : article.byline();
        return new FeedItem(links.id(article.id()), links.article(article.slug()), article.headline(),
                article.excerpt(),
                html(article.dateline(), blocks), text(article, blocks), article.publishedAt(), article.updatedAt(),
                author, List.copyOf(categories));
    }

    /**
     * The body as HTML: paragraph {@code <p>}, heading {@code <h2>}, blockquote {@code <blockquote>} with its
     * attribution in a {@code <footer>}, pullquote {@code <aside>}. Every text is escaped: the stored text is plain
     * text, never markup.
     */
    static String html(String dateline, List<Paragraph> blocks) {
        StringBuilder out = new StringBuilder();
        boolean datelinePending = dateline != null && !dateline.isBlank();
        for (Paragraph block : blocks) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            switch (block.type) {
                case BlockTypes.HEADING -> out.append("<h2>").append(escape(block.text)).append("</h2>");
                case BlockTypes.BLOCKQUOTE -> out.append("<blockquote>").append(quote(block)).append("</blockquote>");
                case BlockTypes.PULLQUOTE -> out.append("<aside>").append(quote(block)).append("</aside>");
                default -> {
                    String text = block.text;
                    if (datelinePending) {
                        text = dateline + ArticleText.DATELINE_IN_TEXT + text;
                        datelinePending = false;
                    }
                    out.append("<p>").append(escape(text)).append("</p>");
                }
            }
        }
        return out.toString();
    }

    private static String quote(Paragraph block) {
        String paragraph = "<p>" + escape(block.text) + "</p>";
        return block.attribution == null ? paragraph : paragraph + "<footer>" + escape(block.attribution) + "</footer>";
    }

    /** HTML-escapes text for element content and attribute values alike. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** The plain-text article format (docs/http-api.md §4), as {@code Accept: text/plain} answers it. */
    static String text(ArticleSummary article, List<Paragraph> blocks) {
        return ArticleText.export(new ArticleText.Document(article.headline(), article.subheadline(),
                article.dateline(), blocks.stream().map(Paragraph::block).toList()));
    }
}
