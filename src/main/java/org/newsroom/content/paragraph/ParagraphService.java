package org.newsroom.content.paragraph;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.article.Article;
import org.newsroom.content.article.ArticleService;
import org.newsroom.content.article.BlockTypes;
import org.newsroom.content.article.Paragraph;
import org.newsroom.content.article.ParagraphResponse;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.validation.Checked;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.Preconditions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reading and editing one body block at a time; every change renumbers densely and changes the article's ETag. */
@ApplicationScoped
@Transactional
public class ParagraphService {

    public record Read(ParagraphResponse body, long articleId, String etag, Instant lastModified, boolean public_) {
    }

    private final ArticleService articles;
    private final Checked checked;
    private final ObjectMapper json;

    public ParagraphService(ArticleService articles, Checked checked, ObjectMapper json) {
        this.articles = articles;
        this.checked = checked;
        this.json = json;
    }

    /** The body in one page (an article has at most 1000 blocks); the article's version stands for all of it. */
    public Listed<ParagraphResponse> list(String ref, String type, boolean editor) {
        Article article = articles.findReadable(ref, editor);
        List<Paragraph> paragraphs = type == null
                ? Paragraph.listByArticle(article.id)
                : Paragraph.listByArticleAndType(article.id, type);
        return new Listed<>(new Page<>(paragraphs.stream().map(ParagraphResponse::from).toList(), null),
                Page.weakEtag("blocks " + article.id + ":" + article.version + ":" + type));
    }

    public Read get(String ref, long id, boolean editor) {
        Article article = articles.findReadable(ref, editor);
        Paragraph paragraph = find(article, id);
        return read(article, paragraph, !editor);
    }

    /** Inserting carries the article's ETag (API.md §3): the caller has seen the body it inserts into. */
    public Read insert(String ref, String ifMatch, ParagraphRequest request) {
        Article article = articles.findForWrite(ref);
        Preconditions.requireMatch(ifMatch, ArticleService.etag(article));
        BlockTypes.checkAttribution("attribution", request.type(), request.attribution());
        int count = article.paragraphCount;
        int position = request.position() == null ? count + 1 : request.position();
        if (position > count + 1) {
            throw ApiException.invalid("position", "must be from 1 to " + (count + 1) + " (the article has " + count
                    + " blocks)");
        }
        Paragraph.shiftDown(article.id, position, count);
        Paragraph paragraph = Paragraph.create(article.id, position, request.type(), request.text(),
                request.attribution());
        paragraph.persist();
        article.bodyChanged(count + 1, Time.now());
        articles.refreshSearch(article);
        return read(article, paragraph, false);
    }

    public Read replace(String ref, long id, String ifMatch, ParagraphRequest request) {
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        Preconditions.requireMatch(ifMatch, ParagraphResponse.etag(paragraph));
        return apply(article, paragraph, request);
    }

    public Read patch(String ref, long id, String ifMatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A merge patch must be a JSON object");
        }
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        Preconditions.requireMatch(ifMatch, ParagraphResponse.etag(paragraph));
        ParagraphRequest current = new ParagraphRequest(paragraph.type, paragraph.text, paragraph.attribution,
                paragraph.position);
        ParagraphRequest merged;
        try {
            merged = json.treeToValue(MergePatch.apply(json.valueToTree(current), patch), ParagraphRequest.class);
        } catch (JsonProcessingException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return apply(article, paragraph, checked.valid(merged));
    }

    public void delete(String ref, long id, String ifMatch) {
        Article article = articles.findForWrite(ref);
        Paragraph paragraph = find(article, id);
        Preconditions.requireMatch(ifMatch, ParagraphResponse.etag(paragraph));
        int removedAt = paragraph.position;
        paragraph.delete();
        Paragraph.flush();
        Paragraph.shiftUp(article.id, removedAt + 1, article.paragraphCount);
        article.bodyChanged(article.paragraphCount - 1, Time.now());
        articles.refreshSearch(article);
    }

    private Read apply(Article article, Paragraph paragraph, ParagraphRequest request) {
        BlockTypes.checkAttribution("attribution", request.type(), request.attribution());
        int count = article.paragraphCount;
        int target = request.position() == null ? paragraph.position : request.position();
        if (target > count) {
            throw ApiException.invalid("position", "must be from 1 to " + count + " (the article has " + count
                    + " blocks)");
        }
        if (target < paragraph.position) {
            Paragraph.shiftDown(article.id, target, paragraph.position - 1);
        } else if (target > paragraph.position) {
            Paragraph.shiftUp(article.id, paragraph.position + 1, target);
        }
        paragraph.position = target;
        paragraph.edit(request.type(), request.text(), request.attribution());
        article.bodyChanged(count, Time.now());
        articles.refreshSearch(article);
        return read(article, paragraph, false);
    }

    private static Paragraph find(Article article, long id) {
        return Paragraph.findInArticle(article.id, id).orElseThrow(() -> ApiException.notFound("This paragraph"));
    }

    private static Read read(Article article, Paragraph paragraph, boolean reader) {
        boolean shared = reader && article.isVisibleToReaders(Time.now());
        return new Read(ParagraphResponse.from(paragraph), article.id, ParagraphResponse.etag(paragraph),
                article.updatedAt, shared);
    }
}
