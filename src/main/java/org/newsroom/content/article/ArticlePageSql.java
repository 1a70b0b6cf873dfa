package org.newsroom.content.article;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.newsroom.content.shared.web.Cursor;

/**
 * The SQL of one page of articles, written once for every list: readers' and editors' lists, search, and feeds. The
 * inner query finds the page's ids (filters, keyset, order, limit: the part the indexes serve); the outer one joins
 * the page's rows with their first block and, in a search, their highlight, made for the page's rows only.
 */
final class ArticlePageSql {

    private static final String HIGHLIGHT_OPTIONS = "'StartSel=**, StopSel=**, MaxWords=30, MinWords=12,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"'";

    private final ArticleListQuery query;
    private final boolean search;
    private final boolean byRelevance;
    private final String sortColumn;
    private final String direction;
    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    private ArticlePageSql(ArticleListQuery query) {
        this.query = query;
        this.search = query.q() != null;
        this.byRelevance = query.sort() == ArticleListQuery.Sort.RELEVANCE;
        this.sortColumn = query.visibility() == ArticleListQuery.Visibility.DRAFT ? "created_at" : "published_at";
        this.direction = query.newestFirst() ? " DESC" : " ASC";
    }

    /** The page after {@code after} (or the first), with one row more than the limit to tell if another follows. */
    static ArticlePageSql of(ArticleListQuery query, Cursor after, Instant now, String language) {
        ArticlePageSql sql = new ArticlePageSql(query);
        sql.filterVisibility(now);
        sql.filterSearch(language);
        sql.filterTaxonomy();
        sql.filterDates();
        sql.keysetAfter(after);
        return sql;
    }

    String sql() {
        String inner = "SELECT a.id, " + rank() + " AS rank" + (search ? ", q" : "") + " FROM article a"
                + (search ? ", websearch_to_tsquery(cast(:language AS regconfig), :q) q" : "") + " WHERE" + where
                + " ORDER BY " + innerKey() + direction + ", a.id" + direction + " LIMIT :rows";
        String highlight = search
                ? "ts_headline(cast(:language AS regconfig), concat_ws(' ', a.headline, a.subheadline,"
                        + " (SELECT string_agg(concat_ws(' ', p.text, p.image_alt, p.image_caption), ' '"
                        + " ORDER BY p.position) FROM paragraph p"
                        + " WHERE p.article_id = a.id)), s.q, " + HIGHLIGHT_OPTIONS + ")"
                : "CAST(NULL AS text)";
        return "SELECT {a.*}, (SELECT p.text FROM paragraph p WHERE p.article_id = a.id AND p.text IS NOT NULL"
                + " ORDER BY p.position LIMIT 1)"
                + " AS first_block, s.rank AS rank, " + highlight + " AS highlight FROM (" + inner + ") s"
                + " JOIN article a ON a.id = s.id ORDER BY " + (byRelevance ? "s.rank" : "a." + sortColumn)
                + direction + ", a.id" + direction;
    }

    Map<String, Object> parameters() {
        parameters.put("rows", query.limit() + 1);
        return parameters;
    }

    private void filterVisibility(Instant now) {
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        condition("a.status = :status", "status", drafts ? "draft" : "published");
        if (query.visibility() == ArticleListQuery.Visibility.PUBLISHED) {
            condition("a.published_at <= :now", "now", now);
        } else if (query.visibility() == ArticleListQuery.Visibility.SCHEDULED) {
            condition("a.published_at > :now", "now", now);
        }
    }

    private void filterSearch(String language) {
        if (search) {
            condition("a.search_document @@ q", "q", query.q());
            parameters.put("language", language);
        }
    }

    private void filterTaxonomy() {
        if (query.section() != null) {
            condition("a.section = :section", "section", query.section());
        }
        if (!query.tags().isEmpty()) {
            // Tags are slugs (no commas): the containment uses the GIN index on tags.
            condition("a.tags @> string_to_array(:tags, ',')", "tags", String.join(",", query.tags()));
        }
    }

    private void filterDates() {
        if (query.from() != null) {
            condition("a." + sortColumn + " >= :from", "from", query.from());
        }
        if (query.to() != null) {
            condition("a." + sortColumn + " < :to", "to", query.to());
        }
    }

    /** A row-value comparison, so that PostgreSQL starts the index scan at the cursor: page 500 costs page 1. */
    private void keysetAfter(Cursor after) {
        if (after != null) {
            String beyond = query.newestFirst() ? "<" : ">";
            condition("(" + innerKey() + ", a.id) " + beyond + " (:key, :afterId)", "key",
                    byRelevance ? (Object) after.number() : after.instant());
            parameters.put("afterId", after.id());
        }
    }

    private String rank() {
        return search ? "ts_rank_cd(a.search_document, q)" : "CAST(NULL AS real)";
    }

    private String innerKey() {
        return byRelevance ? rank() : "a." + sortColumn;
    }

    private void condition(String sql, String parameter, Object value) {
        where.append(where.isEmpty() ? " " : " AND ").append(sql);
        parameters.put(parameter, value);
    }
}
