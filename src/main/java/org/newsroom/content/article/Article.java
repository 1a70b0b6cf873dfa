package org.newsroom.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.newsroom.content.shared.web.Cursor;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String slug;
    public String headline;
    public String subheadline;
    public String dateline;
    public String byline;
    public String section;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(columnDefinition = "text[]")
    public List<String> tags = new ArrayList<>();

    public ArticleStatus status = ArticleStatus.DRAFT;

    @Column(name = "published_at")
    public Instant publishedAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "comments_open")
    public boolean commentsOpen = true;

    @Column(name = "paragraph_count")
    public int paragraphCount;

    /** Bumped by Hibernate on every change of this row; {@link #bodyChanged} makes body edits change it too. */
    @Version
    public long version;

    /** Published and not scheduled for later: what readers may see. */
    public boolean isVisibleToReaders(Instant now) {
        return status == ArticleStatus.PUBLISHED && publishedAt != null && !publishedAt.isAfter(now);
    }

    /** Sets the status; publishing without a date publishes now, a future date schedules. */
    public void changeStatus(ArticleStatus newStatus, Instant requestedPublishedAt, Instant now) {
        status = newStatus;
        if (newStatus == ArticleStatus.PUBLISHED && requestedPublishedAt == null) {
            publishedAt = publishedAt != null ? publishedAt : now;
        } else {
            publishedAt = requestedPublishedAt;
        }
    }

    /** A paragraph was added, edited, moved or removed: the article's representation (and ETag) changes. */
    public void bodyChanged(int newParagraphCount, Instant now) {
        paragraphCount = newParagraphCount;
        updatedAt = now;
    }

    /** {@code ref} is an id (digits) or a slug (always has a letter), as in {@code /articles/{ref}}. */
    public static Optional<Article> findByRef(String ref) {
        if (ref.chars().allMatch(Character::isDigit) && !ref.isEmpty()) {
            try {
                return findByIdOptional(Long.parseLong(ref));
            } catch (NumberFormatException tooLong) {
                return Optional.empty();
            }
        }
        return find("slug", ref).firstResultOptional();
    }

    public static boolean slugExists(String slug) {
        return count("slug", slug) > 0;
    }

    /** Slugs equal to {@code base} or {@code base-<n>}, for picking a free one in one query. */
    public static List<String> listSlugsLike(String base) {
        return getEntityManager()
                .createQuery("select a.slug from Article a where a.slug = :base or a.slug like :pattern", String.class)
                .setParameter("base", base).setParameter("pattern", base.replace("_", "\\_") + "-%").getResultList();
    }

    /**
     * One page of a list (one statement): rows of {@code [Article, text of its first block]}, keyset-paged after
     * {@code after}, with one row more than the limit so the caller knows whether another page follows.
     */
    public static List<Object[]> listPage(ArticleListQuery query, Cursor after, Instant now) {
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        String sortKey = drafts ? "a.createdAt" : "a.publishedAt";
        StringBuilder hql = new StringBuilder("select a, (select p.text from Paragraph p"
                + " where p.articleId = a.id and p.position = 1) from Article a where a.status = :status");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("status", drafts ? ArticleStatus.DRAFT : ArticleStatus.PUBLISHED);
        if (query.visibility() == ArticleListQuery.Visibility.PUBLISHED) {
            hql.append(" and a.publishedAt <= :now");
            parameters.put("now", now);
        } else if (query.visibility() == ArticleListQuery.Visibility.SCHEDULED) {
            hql.append(" and a.publishedAt > :now");
            parameters.put("now", now);
        }
        if (query.section() != null) {
            hql.append(" and a.section = :section");
            parameters.put("section", query.section());
        }
        for (int i = 0; i < query.tags().size(); i++) {
            hql.append(" and array_contains(a.tags, :tag").append(i).append(')');
            parameters.put("tag" + i, query.tags().get(i));
        }
        if (query.from() != null) {
            hql.append(" and ").append(sortKey).append(" >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            hql.append(" and ").append(sortKey).append(" < :to");
            parameters.put("to", query.to());
        }
        String beyond = query.newestFirst() ? "<" : ">";
        if (after != null) {
            // A row-value comparison, so that PostgreSQL starts the index scan at the cursor: page 500 costs page 1.
            hql.append(" and (").append(sortKey).append(", a.id) ").append(beyond).append(" (:key, :afterId)");
            parameters.put("key", after.instant());
            parameters.put("afterId", after.id());
        }
        String direction = query.newestFirst() ? " desc" : " asc";
        hql.append(" order by ").append(sortKey).append(direction).append(", a.id").append(direction);
        TypedQuery<Object[]> select = getEntityManager().createQuery(hql.toString(), Object[].class);
        parameters.forEach(select::setParameter);
        return select.setMaxResults(query.limit() + 1).getResultList();
    }

    /**
     * One page of a search (one statement): rows of {@code [id, rank, highlight]}, best match first (or by date), with
     * the same filters and keyset as {@link #listPage}. The highlight is made for the page's rows only.
     */
    @SuppressWarnings("unchecked")
    public static List<Object[]> searchPage(ArticleListQuery query, Cursor after, Instant now, String language) {
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        String sortKey = drafts ? "a.created_at" : "a.published_at";
        String rank = "ts_rank_cd(a.search_document, q)";
        StringBuilder sql = new StringBuilder("SELECT a.id, ").append(rank).append(" AS rank, q FROM article a,"
                + " websearch_to_tsquery(cast(:language AS regconfig), :q) q"
                + " WHERE a.search_document @@ q AND a.status = :status");
        Map<String, Object> parameters = new LinkedHashMap<>();
        parameters.put("language", language);
        parameters.put("q", query.q());
        parameters.put("status", drafts ? "draft" : "published");
        if (query.visibility() == ArticleListQuery.Visibility.PUBLISHED) {
            sql.append(" AND a.published_at <= :now");
            parameters.put("now", now);
        } else if (query.visibility() == ArticleListQuery.Visibility.SCHEDULED) {
            sql.append(" AND a.published_at > :now");
            parameters.put("now", now);
        }
        if (query.section() != null) {
            sql.append(" AND a.section = :section");
            parameters.put("section", query.section());
        }
        if (!query.tags().isEmpty()) {
            // Tags are slugs (no commas): the containment uses the GIN index on tags.
            sql.append(" AND a.tags @> string_to_array(:tags, ',')");
            parameters.put("tags", String.join(",", query.tags()));
        }
        if (query.from() != null) {
            sql.append(" AND ").append(sortKey).append(" >= :from");
            parameters.put("from", query.from());
        }
        if (query.to() != null) {
            sql.append(" AND ").append(sortKey).append(" < :to");
            parameters.put("to", query.to());
        }
        boolean byRelevance = query.sort() == ArticleListQuery.Sort.RELEVANCE;
        String key = byRelevance ? rank : sortKey;
        String beyond = query.newestFirst() ? "<" : ">";
        if (after != null) {
            sql.append(" AND (").append(key).append(", a.id) ").append(beyond).append(" (:key, :afterId)");
            parameters.put("key", byRelevance ? (Object) after.number() : after.instant());
            parameters.put("afterId", after.id());
        }
        String direction = query.newestFirst() ? " DESC" : " ASC";
        String order = byRelevance ? "rank" + direction : sortKey.replace("a.", "") + direction;
        sql.append(" ORDER BY ").append(byRelevance ? "rank" : sortKey).append(direction).append(", a.id")
                .append(direction).append(" LIMIT :rows");
        parameters.put("rows", query.limit() + 1);
        String page = "SELECT s.id, s.rank, ts_headline(cast(:language AS regconfig), concat_ws(' ', a.headline,"
                + " a.subheadline, (SELECT string_agg(p.text, ' ' ORDER BY p.position) FROM paragraph p"
                + " WHERE p.article_id = a.id)), s.q, 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12,"
                + " MaxFragments=2, FragmentDelimiter=\" … \"') FROM (" + sql + ") s JOIN article a ON a.id = s.id"
                + " ORDER BY " + (byRelevance ? "s.rank" : "a." + order.split(" ")[0]) + direction + ", s.id"
                + direction;
        var select = getEntityManager().createNativeQuery(page);
        parameters.forEach(select::setParameter);
        return select.getResultList();
    }

    /** Articles and the text of their first block, for search rows found by id (one statement). */
    public static Map<Long, Object[]> listSummaryRows(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        Map<Long, Object[]> rows = new java.util.HashMap<>();
        getEntityManager().createQuery("select a, (select p.text from Paragraph p where p.articleId = a.id"
                + " and p.position = 1) from Article a where a.id in :ids", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(row -> rows.put(((Article) row[0]).id, row));
        return rows;
    }

    /** Recomputes the stored search document after a write to the article or its body (one statement). */
    public static void refreshSearchDocument(long id, String language) {
        getEntityManager().createNativeQuery(
                "UPDATE article SET search_document = article_search_document(cast(:language AS regconfig), id)"
                        + " WHERE id = :id")
                .setParameter("language", language).setParameter("id", id).executeUpdate();
    }

    /** Published sections with their article counts, by name (one statement). */
    @SuppressWarnings("unchecked")
    public static List<Object[]> countBySection(Instant now) {
        return getEntityManager().createNativeQuery("SELECT section, count(*) FROM article"
                + " WHERE status = 'published' AND published_at <= :now AND section IS NOT NULL"
                + " GROUP BY section ORDER BY section").setParameter("now", now).getResultList();
    }

    /** Tags of published articles with their article counts, by name (one statement). */
    @SuppressWarnings("unchecked")
    public static List<Object[]> countByTag(Instant now) {
        return getEntityManager().createNativeQuery("SELECT tag, count(*) FROM article, unnest(tags) AS tag"
                + " WHERE status = 'published' AND published_at <= :now GROUP BY tag ORDER BY tag")
                .setParameter("now", now).getResultList();
    }
}
