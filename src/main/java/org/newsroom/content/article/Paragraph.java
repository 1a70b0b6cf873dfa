package org.newsroom.content.article;

import java.util.Collection;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One typed body block. It lives in the article package because the body is part of the article aggregate: the
 * article embeds it, and every block change changes the article's version. The paragraph package holds the HTTP
 * endpoints that address one block.
 */
@Entity
@Table(name = "paragraph")
public class Paragraph extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public Long articleId;

    public int position;
    public String type;
    public String text;
    public String attribution;

    @Version
    public long version;

    public static Paragraph create(Long articleId, int position, String type, String text, String attribution) {
        Paragraph paragraph = new Paragraph();
        paragraph.articleId = articleId;
        paragraph.position = position;
        paragraph.edit(type, text, attribution);
        return paragraph;
    }

    public void edit(String newType, String newText, String newAttribution) {
        type = newType;
        text = newText;
        attribution = newAttribution;
    }

    public static List<Paragraph> listByArticle(Long articleId) {
        return list("articleId = ?1 order by position", articleId);
    }

    /** The blocks of several articles in one statement, in reading order within each article (the feeds' full text). */
    public static List<Paragraph> listByArticles(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return list("articleId in ?1 order by articleId, position", articleIds);
    }

    public static List<Paragraph> listByArticleAndType(Long articleId, String type) {
        return list("articleId = ?1 and type = ?2 order by position", articleId, type);
    }

    public static java.util.Optional<Paragraph> findInArticle(Long articleId, long paragraphId) {
        return find("id = ?1 and articleId = ?2", paragraphId, articleId).firstResultOptional();
    }

    /** Opens a gap at {@code position} (inserting there) by moving that block and those after it down one. */
    public static void shiftDown(Long articleId, int fromPosition, int toPosition) {
        update("position = position + 1, version = version + 1 where articleId = ?1 and position between ?2 and ?3",
                articleId, fromPosition, toPosition);
    }

    /** Closes a gap by moving the blocks in the range up one. */
    public static void shiftUp(Long articleId, int fromPosition, int toPosition) {
        update("position = position - 1, version = version + 1 where articleId = ?1 and position between ?2 and ?3",
                articleId, fromPosition, toPosition);
    }

    public static void deleteByArticle(Long articleId) {
        delete("articleId", articleId);
    }
}
