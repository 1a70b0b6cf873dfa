package org.newsroom.content.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.validation.Checked;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.Preconditions;
import org.newsroom.content.shared.web.Revalidation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

@ApplicationScoped
@Transactional
public class ArticleService {

    /** An article as read, with what the resource needs for its headers. */
    public record Read<T>(T body, String etag, Instant lastModified, boolean public_) {

        public boolean isNotModified() {
            return body == null;
        }
    }

    private final Checked checked;
    private final ObjectMapper json;
    private final ContentConfig config;

    public ArticleService(Checked checked, ObjectMapper json, ContentConfig config) {
        this.checked = checked;
        this.json = json;
        this.config = config;
    }

    // ---- reads

    /**
     * The article with its paragraphs; when the client's copy is current the paragraphs are not even loaded, and the
     * answer has no body ({@link Read#isNotModified()}).
     */
    public Read<ArticleResponse> get(String ref, boolean editor, Revalidation revalidation) {
        Article article = findReadable(ref, editor);
        String etag = etag(article);
        if (revalidation.isCurrent(etag, article.updatedAt)) {
            return new Read<>(null, etag, article.updatedAt, isPublic(article, editor));
        }
        ArticleResponse body = ArticleResponse.from(article, Paragraph.listByArticle(article.id));
        return new Read<>(body, etag, article.updatedAt, isPublic(article, editor));
    }

    public Read<String> getText(String ref, boolean editor, Revalidation revalidation) {
        Article article = findReadable(ref, editor);
        String etag = textEtag(article);
        if (revalidation.isCurrent(etag, article.updatedAt)) {
            return new Read<>(null, etag, article.updatedAt, isPublic(article, editor));
        }
        String text = ArticleText.write(toDocument(article, Paragraph.listByArticle(article.id)));
        return new Read<>(text, etag, article.updatedAt, isPublic(article, editor));
    }

    /** For the paragraph endpoints: the article if this caller may read it, else a 404. */
    public Article findReadable(String ref, boolean editor) {
        Article article = Article.findByRef(ref).orElseThrow(() -> ApiException.notFound("This article"));
        if (!editor && !article.isVisibleToReaders(Time.now())) {
            // Drafts and scheduled articles are indistinguishable from unknown ones to readers.
            throw ApiException.notFound("This article");
        }
        return article;
    }

    public Article findForWrite(String ref) {
        return Article.findByRef(ref).orElseThrow(() -> ApiException.notFound("This article"));
    }

    public Listed<ArticleSummary> list(ArticleListQuery query) {
        Cursor after = query.cursor() == null ? null : Cursor.decode(query.cursor(), query.ordering());
        if (query.q() != null) {
            return search(query, after);
        }
        List<Object[]> rows = Article.listPage(query, after, Time.now());
        String ordering = query.ordering();
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        return Page.fromRows(rows, query.limit(), row -> ArticleSummary.from((Article) row[0], (String) row[1]),
                row -> {
                    Article last = (Article) row[0];
                    return Cursor.at(ordering, drafts ? last.createdAt : last.publishedAt, last.id);
                }, row -> ((Article) row[0]).id + ":" + ((Article) row[0]).version);
    }

    /**
     * A search page in two statements: the matching ids with their rank and highlight (keyset over rank or date),
     * then those articles with their excerpts.
     */
    private Listed<ArticleSummary> search(ArticleListQuery query, Cursor after) {
        List<Object[]> hits = Article.searchPage(query, after, Time.now(), config.search().language());
        Map<Long, Object[]> articles = Article.listSummaryRows(
                hits.stream().map(hit -> ((Number) hit[0]).longValue()).toList());
        String ordering = query.ordering();
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        return Page.fromRows(hits, query.limit(), hit -> {
            Object[] row = articles.get(((Number) hit[0]).longValue());
            return ArticleSummary.from((Article) row[0], (String) row[1]).withHighlight((String) hit[2]);
        }, hit -> {
            Article last = (Article) articles.get(((Number) hit[0]).longValue())[0];
            return query.sort() == ArticleListQuery.Sort.RELEVANCE
                    ? Cursor.at(ordering, ((Number) hit[1]).doubleValue(), last.id)
                    : Cursor.at(ordering, drafts ? last.createdAt : last.publishedAt, last.id);
        }, hit -> {
            Article article = (Article) articles.get(((Number) hit[0]).longValue())[0];
            return article.id + ":" + article.version;
        });
    }

    public List<TaxonomyResource.Term> sections() {
        return terms(Article.countBySection(Time.now()));
    }

    public List<TaxonomyResource.Term> tags() {
        return terms(Article.countByTag(Time.now()));
    }

    private static List<TaxonomyResource.Term> terms(List<Object[]> rows) {
        return rows.stream().map(row -> new TaxonomyResource.Term((String) row[0], ((Number) row[1]).longValue()))
                .toList();
    }

    /** Keeps the stored search document in step with the article and its body. */
    public void refreshSearch(Article article) {
        Article.flush();
        Article.refreshSearchDocument(article.id, config.search().language());
    }

    // ---- writes

    public Read<ArticleResponse> create(ArticleWrite write) {
        checkBlocks(write);
        Instant now = Time.now();
        Article article = new Article();
        article.slug = write.slug() != null
                ? requireFreeSlug(write.slug())
                : Slugs.firstFree(Slugs.fromHeadline(write.headline()),
                        Article.listSlugsLike(Slugs.fromHeadline(write.headline())));
        article.createdAt = now;
        applyMetadata(article, write, now);
        article.paragraphCount = write.paragraphsOrEmpty().size();
        article.updatedAt = now;
        article.persist();
        List<Paragraph> paragraphs = insertBody(article, write.paragraphsOrEmpty());
        refreshSearch(article);
        return new Read<>(ArticleResponse.from(article, paragraphs), etag(article), article.updatedAt, false);
    }

    public Read<ArticleResponse> createFromText(String text) {
        ArticleText.Document document;
        try {
            document = ArticleText.parse(text);
        } catch (ArticleText.FormatException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
        List<ParagraphWrite> blocks = document.blocks().stream()
                .map(block -> new ParagraphWrite(block.type(), block.text(), block.attribution())).toList();
        ArticleWrite write = new ArticleWrite(null, document.headline(), document.subheadline(), document.dateline(),
                null, null, null, null, null, null, blocks);
        checked.valid(write);
        return create(write);
    }

    public Read<ArticleResponse> replace(String ref, String ifMatch, ArticleWrite write) {
        checkBlocks(write);
        Article article = findForWrite(ref);
        Preconditions.requireMatch(ifMatch, etag(article));
        return replaceChecked(article, write, true);
    }

    /** Merge patch (RFC 7396) over the article's writable fields; the body is rewritten only if the patch names it. */
    public Read<ArticleResponse> patch(String ref, String ifMatch, JsonNode patch) {
        if (patch == null || !patch.isObject()) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, "A merge patch must be a JSON object");
        }
        Article article = findForWrite(ref);
        Preconditions.requireMatch(ifMatch, etag(article));
        ObjectNode current = json.valueToTree(currentMetadata(article));
        current.remove("paragraphs");
        JsonNode merged = MergePatch.apply(current, patch);
        ArticleWrite write;
        try {
            write = json.treeToValue(merged, ArticleWrite.class);
        } catch (JsonProcessingException e) {
            // Answered like the same mistake in a PUT body (see ProblemMapper).
            throw new java.io.UncheckedIOException(e);
        }
        checked.valid(write);
        checkBlocks(write);
        return replaceChecked(article, write, patch.has("paragraphs"));
    }

    public void delete(String ref, String ifMatch) {
        Article article = findForWrite(ref);
        Preconditions.requireMatch(ifMatch, etag(article));
        // Paragraphs and comments go with it: ON DELETE CASCADE in the schema.
        article.delete();
    }

    private Read<ArticleResponse> replaceChecked(Article article, ArticleWrite write, boolean replaceBody) {
        Instant now = Time.now();
        if (write.slug() != null && !write.slug().equals(article.slug)) {
            article.slug = requireFreeSlug(write.slug());
        }
        applyMetadata(article, write, now);
        article.updatedAt = now;
        List<Paragraph> paragraphs;
        if (replaceBody) {
            Paragraph.deleteByArticle(article.id);
            paragraphs = insertBody(article, write.paragraphsOrEmpty());
            article.bodyChanged(paragraphs.size(), now);
        } else {
            paragraphs = Paragraph.listByArticle(article.id);
        }
        refreshSearch(article);
        return new Read<>(ArticleResponse.from(article, paragraphs), etag(article), article.updatedAt, false);
    }

    private static void applyMetadata(Article article, ArticleWrite write, Instant now) {
        article.headline = write.headline();
        article.subheadline = write.subheadline();
        article.dateline = write.dateline();
        article.byline = write.byline();
        article.section = write.section();
        article.tags = new ArrayList<>(write.tagsOrEmpty());
        article.commentsOpen = write.commentsOpen() == null || write.commentsOpen();
        article.changeStatus(write.statusOrDraft(), Time.stored(write.publishedAt()), now);
    }

    private static List<Paragraph> insertBody(Article article, List<ParagraphWrite> blocks) {
        List<Paragraph> paragraphs = new ArrayList<>();
        int position = 1;
        for (ParagraphWrite block : blocks) {
            Paragraph paragraph = Paragraph.create(article.id, position++, block.type(), block.text(),
                    block.attribution());
            paragraph.persist();
            paragraphs.add(paragraph);
        }
        return paragraphs;
    }

    private static void checkBlocks(ArticleWrite write) {
        List<ParagraphWrite> blocks = write.paragraphsOrEmpty();
        for (int i = 0; i < blocks.size(); i++) {
            BlockTypes.checkAttribution("paragraphs[" + i + "].attribution", blocks.get(i).type(),
                    blocks.get(i).attribution());
        }
    }

    private static String requireFreeSlug(String slug) {
        if (Article.slugExists(slug)) {
            throw new ApiException(ErrorCode.CONFLICT, "Another article already has the slug " + slug);
        }
        return slug;
    }

    private static ArticleWrite currentMetadata(Article article) {
        return new ArticleWrite(article.slug, article.headline, article.subheadline, article.dateline, article.byline,
                article.section, article.tags, article.status.wire(), article.publishedAt, article.commentsOpen, null);
    }

    static ArticleText.Document toDocument(Article article, List<Paragraph> paragraphs) {
        return new ArticleText.Document(article.headline, article.subheadline, article.dateline,
                paragraphs.stream().map(p -> new ArticleText.Block(p.type, p.text, p.attribution)).toList());
    }

    private static boolean isPublic(Article article, boolean editor) {
        return !editor && article.isVisibleToReaders(Time.now());
    }

    /** Strong ETag of the JSON representation: the version moves with every article or block change. */
    public static String etag(Article article) {
        return Preconditions.etag("a" + article.id + "." + article.version);
    }

    private static String textEtag(Article article) {
        return Preconditions.etag("a" + article.id + "." + article.version + ".txt");
    }
}
