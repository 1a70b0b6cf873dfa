package org.newsroom.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.query.NativeQuery;
import org.hibernate.type.SqlTypes;
import org.newsroom.content.shared.error.ApiException;
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

    /** The optional lead image (cards, feeds, the reader page), in columns as the CHECKs of V10 describe. */
    @Column(name = "lead_image_src")
    public String leadImageSrc;
    @Column(name = "lead_image_alt")
    public String leadImageAlt;
    @Column(name = "lead_image_decorative")
    public boolean leadImageDecorative;
    @Column(name = "lead_image_caption")
    public String leadImageCaption;
    @Column(name = "lead_image_credit")
    public String leadImageCredit;
    @Column(name = "lead_image_width")
    public Integer leadImageWidth;
    @Column(name = "lead_image_height")
    public Integer leadImageHeight;

    /** Bumped by Hibernate on every change of this row; every body change updates the row, so it moves too. */
    @Version
    public long version;

    public Image leadImage() {
        return leadImageSrc == null
                ? null
                : new Image(leadImageSrc, leadImageAlt, leadImageDecorative, leadImageCaption, leadImageCredit,
                        leadImageWidth, leadImageHeight);
    }

    public void changeLeadImage(Image image) {
        leadImageSrc = image == null ? null : image.src();
        leadImageAlt = image == null ? null : image.alt();
        leadImageDecorative = image != null && image.isDecorative();
        leadImageCaption = image == null ? null : image.caption();
        leadImageCredit = image == null ? null : image.credit();
        leadImageWidth = image == null ? null : image.width();
        leadImageHeight = image == null ? null : image.height();
    }

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

    /** The body becomes {@code blocks}, in order. */
    List<Paragraph> replaceBody(List<Block> blocks, Instant now) {
        Paragraph.deleteByArticle(id);
        List<Paragraph> paragraphs = new ArrayList<>();
        for (Block block : blocks) {
            Paragraph paragraph = Paragraph.create(id, paragraphs.size() + 1, block);
            paragraph.persist();
            paragraphs.add(paragraph);
        }
        bodyChanged(paragraphs.size(), now);
        return paragraphs;
    }

    /** Inserts {@code block} at {@code position} (null: at the end); the blocks from there on move down. */
    Paragraph insertBlock(Block block, Integer position, Instant now) {
        int target = position == null ? paragraphCount + 1 : position;
        requirePosition(target, paragraphCount + 1);
        Paragraph.shiftDown(id, target, paragraphCount);
        Paragraph paragraph = Paragraph.create(id, target, block);
        paragraph.persist();
        bodyChanged(paragraphCount + 1, now);
        return paragraph;
    }

    /** Rewrites one block and moves it to {@code position} (null: where it is); those in between make room. */
    void editBlock(Paragraph paragraph, Block block, Integer position, Instant now) {
        int target = position == null ? paragraph.position : position;
        requirePosition(target, paragraphCount);
        if (target < paragraph.position) {
            Paragraph.shiftDown(id, target, paragraph.position - 1);
        } else if (target > paragraph.position) {
            Paragraph.shiftUp(id, paragraph.position + 1, target);
        }
        paragraph.position = target;
        paragraph.write(block);
        bodyChanged(paragraphCount, now);
    }

    /** Removes one block; the blocks after it move up. */
    void removeBlock(Paragraph paragraph, Instant now) {
        int removedAt = paragraph.position;
        paragraph.delete();
        flush();
        Paragraph.shiftUp(id, removedAt + 1, paragraphCount);
        bodyChanged(paragraphCount - 1, now);
    }

    /**
     * Every body change changes the article's representation: its row is updated, so its version moves, and at
     * commit the database recomputes its search document (V4).
     */
    private void bodyChanged(int newParagraphCount, Instant now) {
        paragraphCount = newParagraphCount;
        updatedAt = now;
    }

    private void requirePosition(int position, int highest) {
        if (position > highest) {
            throw ApiException.invalid("position", "must be from 1 to " + highest + " (the article has "
                    + paragraphCount + " blocks)");
        }
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
     * One page of a list or a search (one statement), keyset-paged after {@code after}, with one row more than the
     * limit so the caller knows whether another page follows.
     */
    static List<ListedArticle> listPage(ArticleListQuery query, Cursor after, Instant now, String language) {
        ArticlePageSql page = ArticlePageSql.of(query, after, now, language);
        NativeQuery<ListedArticle> select = getEntityManager().createNativeQuery(page.sql())
                .unwrap(NativeQuery.class).addEntity("a", Article.class).addScalar("first_block", String.class)
                .addScalar("rank", Float.class).addScalar("highlight", String.class)
                .setTupleTransformer((row, aliases) -> new ListedArticle((Article) row[0], (String) row[1],
                        (Float) row[2], (String) row[3]));
        page.parameters().forEach(select::setParameter);
        return select.getResultList();
    }

    /** Published sections with their article counts, by name (one statement). */
    static List<Term> countBySection(Instant now) {
        return countTerms("SELECT section, count(*) FROM article WHERE status = 'published' AND published_at <= :now"
                + " AND section IS NOT NULL GROUP BY section ORDER BY section", now);
    }

    /** Tags of published articles with their article counts, by name (one statement). */
    static List<Term> countByTag(Instant now) {
        return countTerms("SELECT tag, count(*) FROM article, unnest(tags) AS tag"
                + " WHERE status = 'published' AND published_at <= :now GROUP BY tag ORDER BY tag", now);
    }

    @SuppressWarnings("unchecked")
    private static List<Term> countTerms(String sql, Instant now) {
        return getEntityManager().createNativeQuery(sql).unwrap(NativeQuery.class)
                .setTupleTransformer((row, aliases) -> new Term((String) row[0], ((Number) row[1]).longValue()))
                .setParameter("now", now).getResultList();
    }
}
