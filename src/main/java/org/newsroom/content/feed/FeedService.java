package org.newsroom.content.feed;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.article.ArticleService;
import org.newsroom.content.article.ArticleSummary;
import org.newsroom.content.article.Paragraph;
import org.newsroom.content.shared.metrics.ServiceMetrics;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.web.Listed;

/**
 * A feed in two statements, the second only for a reader who lacks the current version: the latest article rows
 * (which make the version), then the blocks of all of them for the full text.
 */
@ApplicationScoped
@Transactional
public class FeedService {

    /** How many articles a feed shows. */
    static final int SIZE = 50;

    static final String TITLE = "News content";

    private final ArticleService articles;
    private final ServiceMetrics metrics;

    public FeedService(ArticleService articles, ServiceMetrics metrics) {
        this.articles = articles;
        this.metrics = metrics;
    }

    /** The feed as its kind writes it: RSS or Atom XML, or a JSON Feed record. */
    public Read<Object> feed(FeedKind kind, FeedFilter filter, FeedLinks links, KnownVersions known) {
        metrics.feed(kind);
        Listed<ArticleSummary> latest = articles.latest(filter.section(), filter.tags(), SIZE);
        List<ArticleSummary> rows = latest.page().items();
        Instant lastModified = rows.stream().map(ArticleSummary::updatedAt).max(Instant::compareTo).orElse(null);
        return Read.of(known, version(kind, filter, links, latest, lastModified), Audience.PUBLIC,
                () -> write(kind, filter, links, items(rows, links), lastModified));
    }

    /**
     * Weak: the three kinds differ in bytes, and an empty Atom feed's updated date is the time of asking. It covers
     * what the representation depends on: the kind, the base URL of the links, the filters, and each row's id and
     * version (which moves with every change of an article or of one of its blocks).
     */
    static Version version(FeedKind kind, FeedFilter filter, FeedLinks links, Listed<ArticleSummary> latest,
            Instant lastModified) {
        String signature = kind + "|" + links.base() + "|" + filter.section() + "|"
                + String.join(",", new TreeSet<>(filter.tags())) + "|" + latest.signature();
        return Version.ofSignature("f-", signature, lastModified);
    }

    /** The feed items of these rows, in their order, with the full text of each: all blocks in one statement. */
    private static List<FeedItem> items(List<ArticleSummary> rows, FeedLinks links) {
        Map<Long, List<Paragraph>> bodies = new LinkedHashMap<>();
        rows.forEach(row -> bodies.put(row.id(), new ArrayList<>()));
        for (Paragraph paragraph : Paragraph.listByArticles(bodies.keySet())) {
            bodies.get(paragraph.articleId).add(paragraph);
        }
        return rows.stream().map(row -> FeedItem.of(row, bodies.get(row.id()), links)).toList();
    }

    private static Object write(FeedKind kind, FeedFilter filter, FeedLinks links, List<FeedItem> items,
            Instant lastModified) {
        String description = "The latest published articles" + filter.describe();
        return switch (kind) {
            case RSS -> XmlFeeds.rss(TITLE, description, links, lastModified, items);
            case ATOM -> XmlFeeds.atom(TITLE, description, links, lastModified, items);
            case JSON -> JsonFeed.of(TITLE, description, links, items);
        };
    }
}
