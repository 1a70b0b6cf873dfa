package org.newsroom.content.article;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One typed body block. Blocks are changed only through their article ({@link Article#insertBlock},
 * {@link Article#editBlock}, {@link Article#removeBlock}, {@link Article#replaceBody}), which keeps positions dense
 * and moves the article's version with every change.
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

    /** An image block's picture (null on every other block), in columns as the CHECKs of V10 describe. */
    @Column(name = "image_src")
    public String imageSrc;
    @Column(name = "image_alt")
    public String imageAlt;
    @Column(name = "image_decorative")
    public boolean imageDecorative;
    @Column(name = "image_caption")
    public String imageCaption;
    @Column(name = "image_credit")
    public String imageCredit;
    @Column(name = "image_width")
    public Integer imageWidth;
    @Column(name = "image_height")
    public Integer imageHeight;

    @Version
    public long version;

    static Paragraph create(Long articleId, int position, Block block) {
        Paragraph paragraph = new Paragraph();
        paragraph.articleId = articleId;
        paragraph.position = position;
        paragraph.write(block);
        return paragraph;
    }

    void write(Block block) {
        type = block.type();
        text = block.text();
        attribution = block.attribution();
        Image image = block.image();
        imageSrc = image == null ? null : image.src();
        imageAlt = image == null ? null : image.alt();
        imageDecorative = image != null && image.isDecorative();
        imageCaption = image == null ? null : image.caption();
        imageCredit = image == null ? null : image.credit();
        imageWidth = image == null ? null : image.width();
        imageHeight = image == null ? null : image.height();
    }

    public Block block() {
        return new Block(type, text, attribution, image());
    }

    /** The picture of an image block, null on any other. */
    public Image image() {
        return imageSrc == null
                ? null
                : new Image(imageSrc, imageAlt, imageDecorative, imageCaption, imageCredit, imageWidth, imageHeight);
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

    public static Optional<Paragraph> findInArticle(Long articleId, long paragraphId) {
        return find("id = ?1 and articleId = ?2", paragraphId, articleId).firstResultOptional();
    }

    /** Opens a gap at {@code fromPosition} by moving the blocks in the range down one. */
    static void shiftDown(Long articleId, int fromPosition, int toPosition) {
        update("position = position + 1, version = version + 1 where articleId = ?1 and position between ?2 and ?3",
                articleId, fromPosition, toPosition);
    }

    /** Closes a gap by moving the blocks in the range up one. */
    static void shiftUp(Long articleId, int fromPosition, int toPosition) {
        update("position = position - 1, version = version + 1 where articleId = ?1 and position between ?2 and ?3",
                articleId, fromPosition, toPosition);
    }

    static void deleteByArticle(Long articleId) {
        delete("articleId", articleId);
    }
}
