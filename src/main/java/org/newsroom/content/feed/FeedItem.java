package org.newsroom.content.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.newsroom.content.article.ArticleSummary;
import org.newsroom.content.article.ArticleText;
import org.newsroom.content.article.BlockTypes;
import org.newsroom.content.article.Image;
import org.newsroom.content.article.Paragraph;

/**
 * One article as every feed shows it: its permanent id (not its URL, which moves with the slug), the reader page's
 * address of it, its plain-text fields as stored, and its full text as escaped HTML and as the
 * plain-text article format. {@code author}, {@code summary} and {@code leadImage} may be null.
 */
record FeedItem(String id, String url, String title, String summary, String html, String text, Instant published,
        Instant updated, String author, List<String> categories, Image leadImage) {

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
                author, List.copyOf(categories), article.leadImage());
    }

    /**
     * The body as HTML: paragraph {@code <p>}, heading {@code <h2>}, blockquote {@code <blockquote>} with its
     * attribution in a {@code <footer>}, pullquote {@code <aside>}, image {@code <figure>} (see {@link #figure}). Every
     * text is escaped: the stored text is plain text, never markup.
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
                case BlockTypes.IMAGE -> out.append(figure(block.image()));
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

    /**
     * {@code <figure>} with an {@code <img>} (its alt, empty on a decorative image; its width and height when known;
     * {@code loading="lazy"}) and a {@code <figcaption>} of the caption and the credit (in {@code <small>}) when there
     * is either.
     */
    static String figure(Image image) {
        StringBuilder out = new StringBuilder("<figure><img src=\"").append(escape(image.src())).append("\" alt=\"")
                .append(image.alt() == null ? "" : escape(image.alt())).append('"');
        if (image.width() != null) {
            out.append(" width=\"").append(image.width()).append("\" height=\"").append(image.height()).append('"');
        }
        out.append(" loading=\"lazy\">");
        if (image.caption() != null || image.credit() != null) {
            out.append("<figcaption>");
            if (image.caption() != null) {
                out.append(escape(image.caption()));
            }
            if (image.credit() != null) {
                out.append(image.caption() != null ? " " : "").append("<small>").append(escape(image.credit()))
                        .append("</small>");
            }
            out.append("</figcaption>");
        }
        return out.append("</figure>").toString();
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
