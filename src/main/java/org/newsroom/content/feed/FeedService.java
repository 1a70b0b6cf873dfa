package org.newsroom.content.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.article.Article;
import org.newsroom.content.article.ArticleListQuery;
import org.newsroom.content.article.ArticleSummary;
import org.newsroom.content.article.Paragraph;
import org.newsroom.content.shared.Time;

/**
 * The feeds' reads, in two steps so that revalidating is cheap: {@link #latest} reads the article rows (one
 * statement) and the validators; only for a 200 does {@link #items} load the paragraphs of all of them (one more).
 */
@ApplicationScoped
@Transactional
public class FeedService {

    /** How many articles a feed shows. */
    static final int SIZE = 50;

    /** An article row: its summary (with the excerpt) and its version, which every article or body edit moves. */
    record Row(ArticleSummary article, long version) {
    }

    /** The rows of a feed, newest first, with its weak ETag and Last-Modified (null when the feed is empty). */
    record Latest(List<Row> rows, String etag, Instant lastModified) {
    }

    /** The latest articles readers may see (published, not scheduled), without their bodies. */
    public Latest latest(FeedKind kind, FeedFilter filter, FeedLinks links) {
        ArticleListQuery query = new ArticleListQuery(ArticleListQuery.Visibility.PUBLISHED, null, filter.section(),
                filter.tags(), null, null, ArticleListQuery.Sort.NEWEST, SIZE, null);
        // listPage reads one row more than the limit (to tell whether a next page exists): a feed has no next page.
        List<Row> rows = Article.listPage(query, null, Time.now()).stream().limit(SIZE).map(row -> {
            Article article = (Article) row[0];
            return new Row(ArticleSummary.from(article, (String) row[1]), article.version);
        }).toList();
        Instant lastModified = rows.stream().map(row -> row.article().updatedAt()).max(Instant::compareTo)
                .orElse(null);
        return new Latest(rows, etag(kind, filter, links, rows), lastModified);
    }

    /** The feed items of these rows, in their order, with the full text of each: all paragraphs in one statement. */
    public List<FeedItem> items(Latest latest, FeedLinks links) {
        Map<Long, List<Paragraph>> bodies = new LinkedHashMap<>();
        latest.rows().forEach(row -> bodies.put(row.article().id(), new java.util.ArrayList<>()));
        for (Paragraph paragraph : Paragraph.listByArticles(bodies.keySet())) {
            bodies.get(paragraph.articleId).add(paragraph);
        }
        return latest.rows().stream()
                .map(row -> FeedItem.of(row.article(), bodies.get(row.article().id()), links)).toList();
    }

    /**
     * Weak: the three kinds differ in bytes, and an empty Atom feed's updated date is the time of asking. The hash
     * covers what the representation depends on: the kind, the base URL of the links, the filters, and each row's id
     * and version (the version moves with every change of an article or of one of its blocks).
     */
    static String etag(FeedKind kind, FeedFilter filter, FeedLinks links, List<Row> rows) {
        StringBuilder key = new StringBuilder().append(kind).append('|').append(links.base()).append('|')
                .append(filter.section()).append('|').append(String.join(",", new TreeSet<>(filter.tags())));
        for (Row row : rows) {
            key.append('|').append(row.article().id()).append('.').append(row.version());
        }
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.toString().getBytes(StandardCharsets.UTF_8));
            return "W/\"f-" + HexFormat.of().formatHex(hash, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
