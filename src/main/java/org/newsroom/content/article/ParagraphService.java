package org.newsroom.content.article;

import java.time.Clock;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.ExpectedVersion;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.Page;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One body block at a time. Inserting carries the article's version (the editor has seen the body it inserts into);
 * editing, moving and removing carry the block's. The article's intent methods keep positions dense.
 */
@ApplicationScoped
@Transactional
public class ParagraphService {

    /** A block as written, with the article it belongs to (its Location names both). */
    public record Written(Versioned<ParagraphResponse> block, long articleId) {
    }

    private final ArticleService articles;
    private final MergePatch mergePatch;
    private final Clock clock;

    public ParagraphService(ArticleService articles, MergePatch mergePatch, Clock clock) {
        this.articles = articles;
        this.mergePatch = mergePatch;
        this.clock = clock;
    }

    /** The body in one page (an article has at most 1000 blocks); the article's version stands for all of it. */
    public Read<Page<ParagraphResponse>> list(String ref, String type, boolean editor, KnownVersions known) {
        Article article = articles.findReadable(ref, editor);
        List<Paragraph> paragraphs = type == null
                ? Paragraph.listByArticle(article.id)
                : Paragraph.listByArticleAndType(article.id, type);
        Listed<ParagraphResponse> listed = Page.whole(paragraphs.stream().map(ParagraphResponse::from).toList(),
                "blocks " + article.id + ":" + article.version + ":" + type);
        return Read.of(known, listed.version(Page.JSON), Audience.publicIf(!editor), listed::page);
    }

    public Read<ParagraphResponse> get(String ref, long id, boolean editor, KnownVersions known) {
        Article article = articles.findReadable(ref, editor);
        Paragraph paragraph = find(article, id);
        Audience audience = Audience.publicIf(!editor && article.isVisibleToReaders(Time.now(clock)));
        return Read.of(known, Versions.of(paragraph, article), audience, () -> ParagraphResponse.from(paragraph));
    }

    public Written insert(String ref, ExpectedVersion expected, ParagraphRequest request) {
        Article article = articles.findForWrite(ref);
        expected.check(Versions.of(article));
        BlockTypes.checkAttribution("attribution", request.block());
        Paragraph paragraph = article.insertBlock(request.block(), request.position(), Time.now(clock));
        articles.recordBodyChange(article, RevisionKind.BLOCK_INSERTED);
        return new Written(written(paragraph, article), article.id);
    }

    public Versioned<ParagraphResponse> replace(String ref, long id, ExpectedVersion expected,
            ParagraphRequest request) {
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        expected.check(Versions.of(paragraph, article));
        return edit(article, paragraph, request);
    }

    public Versioned<ParagraphResponse> patch(String ref, long id, ExpectedVersion expected, JsonNode patch) {
        MergePatch.requireObject(patch);
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        expected.check(Versions.of(paragraph, article));
        ParagraphRequest current = new ParagraphRequest(paragraph.type, paragraph.text, paragraph.attribution,
                paragraph.image(), paragraph.position);
        return edit(article, paragraph, mergePatch.apply(current, patch, ParagraphRequest.class));
    }

    public void delete(String ref, long id, ExpectedVersion expected) {
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        expected.check(Versions.of(paragraph, article));
        article.removeBlock(paragraph, Time.now(clock));
        articles.recordBodyChange(article, RevisionKind.BLOCK_REMOVED);
    }

    private Versioned<ParagraphResponse> edit(Article article, Paragraph paragraph, ParagraphRequest request) {
        BlockTypes.checkAttribution("attribution", request.block());
        boolean moveOnly = paragraph.block().equals(request.block()) && request.position() != null
                && request.position() != paragraph.position;
        article.editBlock(paragraph, request.block(), request.position(), Time.now(clock));
        articles.recordBodyChange(article, moveOnly ? RevisionKind.BLOCK_MOVED : RevisionKind.BLOCK_EDITED);
        return written(paragraph, article);
    }

    /** The version is read after the flush: the answer's ETag is the stored one. */
    private static Versioned<ParagraphResponse> written(Paragraph paragraph, Article article) {
        Paragraph.flush();
        return Versioned.written(ParagraphResponse.from(paragraph), Versions.of(paragraph, article));
    }

    private static Paragraph find(Article article, long id) {
        return Paragraph.findInArticle(article.id, id).orElseThrow(() -> ApiException.notFound("This paragraph"));
    }
}
