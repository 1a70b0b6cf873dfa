package org.newsroom.content.article;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.cache.LocalChanges;
import org.newsroom.content.shared.cache.ReadDependencies;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.idempotency.IdempotencyKey;
import org.newsroom.content.shared.idempotency.Idempotent;
import org.newsroom.content.shared.idempotency.Posted;
import org.newsroom.content.shared.metrics.ServiceMetrics;
import org.newsroom.content.shared.validation.Checked;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.ExpectedVersion;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.MergePatch;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.TextPage;

import com.fasterxml.jackson.databind.JsonNode;

/** Articles: reading them (one, a list, a search), and writing them whole; {@link ParagraphService} edits blocks. */
@ApplicationScoped
@Transactional
public class ArticleService {

    private final Checked checked;
    private final MergePatch mergePatch;
    private final ContentConfig config;
    private final Clock clock;
    private final ReadDependencies dependencies;
    private final LocalChanges changes;
    private final Revisions revisions;
    private final ArticleEvents events;
    private final ServiceMetrics metrics;

    public ArticleService(Checked checked, MergePatch mergePatch, ContentConfig config, Clock clock,
            ReadDependencies dependencies, LocalChanges changes, Revisions revisions, ArticleEvents events,
            ServiceMetrics metrics) {
        this.checked = checked;
        this.mergePatch = mergePatch;
        this.config = config;
        this.clock = clock;
        this.dependencies = dependencies;
        this.changes = changes;
        this.revisions = revisions;
        this.events = events;
        this.metrics = metrics;
    }

    // ---- reads

    /** The article with its blocks; when the caller holds the current version, the blocks are not even loaded. */
    public Read<ArticleResponse> get(String ref, boolean editor, KnownVersions known) {
        Article article = findReadable(ref, editor);
        return Read.of(known, Versions.of(article), audience(article, editor),
                () -> ArticleResponse.from(article, Paragraph.listByArticle(article.id)));
    }

    /** The article in the plain-text format (its own version: another representation of the same state). */
    public Read<String> getText(String ref, boolean editor, KnownVersions known) {
        Article article = findReadable(ref, editor);
        return Read.of(known, Versions.ofText(article), audience(article, editor),
                () -> ArticleText.export(toDocument(article, Paragraph.listByArticle(article.id))));
    }

    /** The article if this caller may read it; drafts and scheduled articles are unknown to readers (a 404). */
    public Article findReadable(String ref, boolean editor) {
        Article article = Article.findByRef(ref).orElseThrow(() -> ApiException.notFound("This article"));
        if (!editor && !article.isVisibleToReaders(Time.now(clock))) {
            throw ApiException.notFound("This article");
        }
        dependencies.article(article.id);
        return article;
    }

    /** The article a write is about to change: once the write commits, what this instance cached of it is stale. */
    Article findForWrite(String ref) {
        Article article = Article.findByRef(ref).orElseThrow(() -> ApiException.notFound("This article"));
        changes.article(article.id);
        return article;
    }

    /** A page of a list without {@code q}. */
    public Read<Page<ArticleSummary>> list(ArticleListQuery query, boolean editor, KnownVersions known) {
        return json(page(query), query, editor, known);
    }

    /** A page of a search ({@code q}): it ranks every match, so it is one of the expensive reads (ExpensiveReads). */
    public Read<Page<ArticleSummary>> search(ArticleListQuery query, boolean editor, KnownVersions known) {
        metrics.search();
        return json(page(query), query, editor, known);
    }

    /** A page of a list as one line per article, for terminals: its own version. */
    public Read<TextPage> listText(ArticleListQuery query, boolean editor, KnownVersions known) {
        return text(page(query), query, editor, known);
    }

    public Read<TextPage> searchText(ArticleListQuery query, boolean editor, KnownVersions known) {
        metrics.search();
        return text(page(query), query, editor, known);
    }

    private static Read<Page<ArticleSummary>> json(Listed<ArticleSummary> listed, ArticleListQuery query,
            boolean editor, KnownVersions known) {
        return Read.of(known, listed.version(Page.JSON), listAudience(query, editor), listed::page);
    }

    private static Read<TextPage> text(Listed<ArticleSummary> listed, ArticleListQuery query, boolean editor,
            KnownVersions known) {
        return Read.of(known, listed.version(Page.TEXT), listAudience(query, editor),
                () -> new TextPage(ArticleLines.of(listed.page().items()), listed.page().nextCursor()));
    }

    /**
     * The newest published articles readers may see, in one page without a next one (what the feeds show), signed by
     * each row's id and version.
     */
    public Listed<ArticleSummary> latest(String section, List<String> tags, int size) {
        ArticleListQuery query = new ArticleListQuery(ArticleListQuery.Visibility.PUBLISHED, null, section, tags, null,
                null, ArticleListQuery.Sort.NEWEST, size, null);
        dependencies.feed(section, tags);
        List<ListedArticle> rows = Article.listPage(query, null, Time.now(clock), config.search().language())
                .stream().limit(size).toList();
        StringBuilder signature = new StringBuilder();
        rows.forEach(row -> signature.append(row.article().id).append('.').append(row.article().version).append('|'));
        return Page.whole(rows.stream().map(ArticleSummary::from).toList(), signature.toString());
    }

    /** One page in one statement; with {@code q} each row carries its rank (for the cursor) and highlight. */
    private Listed<ArticleSummary> page(ArticleListQuery query) {
        Cursor after = query.cursor() == null ? null : Cursor.decode(query.cursor(), query.ordering());
        dependencies.list(query.section(), query.tags());
        List<ListedArticle> rows = Article.listPage(query, after, Time.now(clock), config.search().language());
        boolean drafts = query.visibility() == ArticleListQuery.Visibility.DRAFT;
        return Page.fromRows(rows, query.limit(), ArticleSummary::from,
                row -> query.sort() == ArticleListQuery.Sort.RELEVANCE
                        ? Cursor.at(query.ordering(), row.rank(), row.article().id)
                        : Cursor.at(query.ordering(), drafts ? row.article().createdAt : row.article().publishedAt,
                                row.article().id),
                row -> row.article().id + ":" + row.article().version);
    }

    public Read<Page<Term>> sections(KnownVersions known) {
        return terms(Article.countBySection(Time.now(clock)), known);
    }

    public Read<Page<Term>> tags(KnownVersions known) {
        return terms(Article.countByTag(Time.now(clock)), known);
    }

    private Read<Page<Term>> terms(List<Term> terms, KnownVersions known) {
        dependencies.publishedArticles();
        Listed<Term> listed = Page.whole(terms, "terms " + terms);
        return Read.of(known, listed.version(Page.JSON), Audience.PUBLIC, listed::page);
    }

    // ---- writes

    @Idempotent
    public Posted create(ArticleWrite write, IdempotencyKey key) {
        return created(store(write));
    }

    /** The plain-text format, always as a draft. */
    @Idempotent
    public Posted createFromText(String text, IdempotencyKey key) {
        ArticleText.Document document;
        try {
            document = ArticleText.parse(text);
        } catch (ArticleText.FormatException e) {
            throw new ApiException(ErrorCode.MALFORMED_REQUEST, e.getMessage());
        }
        List<ParagraphWrite> blocks = document.blocks().stream()
                .map(ParagraphWrite::of).toList();
        ArticleWrite write = new ArticleWrite(null, document.headline(), document.subheadline(), document.dateline(),
                null, null, null, null, null, null, blocks);
        return created(store(checked.valid(write)));
    }

    public Versioned<ArticleResponse> replace(String ref, ExpectedVersion expected, ArticleWrite write) {
        checkBlocks(write);
        Article article = findForWrite(ref);
        expected.check(Versions.of(article));
        return update(article, write, true, RevisionKind.REPLACED);
    }

    /** Merge patch (RFC 7396) over the article's writable fields; the body is rewritten only if the patch names it. */
    public Versioned<ArticleResponse> patch(String ref, ExpectedVersion expected, JsonNode patch) {
        MergePatch.requireObject(patch);
        Article article = findForWrite(ref);
        expected.check(Versions.of(article));
        ArticleWrite write = mergePatch.apply(currentMetadata(article), patch, ArticleWrite.class);
        checkBlocks(write);
        return update(article, write, patch.has("paragraphs"), RevisionKind.PATCHED);
    }

    public void delete(String ref, ExpectedVersion expected) {
        Article article = findForWrite(ref);
        expected.check(Versions.of(article));
        events.deleted(ArticleEvents.Before.of(article), article, Time.now(clock));
        // Paragraphs, comments and revisions go with it: ON DELETE CASCADE in the schema.
        article.delete();
    }

    private Versioned<ArticleResponse> store(ArticleWrite write) {
        checkBlocks(write);
        Instant now = Time.now(clock);
        Article article = new Article();
        String fromHeadline = Slugs.fromHeadline(write.headline());
        article.slug = write.slug() != null
                ? requireFreeSlug(write.slug())
                : Slugs.firstFree(fromHeadline, Article.listSlugsLike(fromHeadline));
        article.createdAt = now;
        applyMetadata(article, write, now);
        // Counted before the row is written, so that storing the body does not change the new article again.
        article.paragraphCount = write.paragraphsOrEmpty().size();
        article.persist();
        changes.article(article.id);
        List<Paragraph> paragraphs = article.replaceBody(blocks(write), now);
        Article.flush();
        revisions.record(article, paragraphs, RevisionKind.CREATED, now);
        events.changed(ArticleEvents.Before.NOTHING, article, now);
        return Versioned.written(ArticleResponse.from(article, paragraphs), Versions.of(article));
    }

    private static Posted created(Versioned<ArticleResponse> made) {
        return Posted.created(made.body(), "articles/" + made.body().id(), made.version());
    }

    /** Writes {@code write} over the article and records the change as a revision of {@code kind}. */
    Versioned<ArticleResponse> update(Article article, ArticleWrite write, boolean replaceBody, RevisionKind kind) {
        Instant now = Time.now(clock);
        if (write.slug() != null && !write.slug().equals(article.slug)) {
            article.slug = requireFreeSlug(write.slug());
        }
        ArticleEvents.Before before = ArticleEvents.Before.of(article);
        applyMetadata(article, write, now);
        List<Paragraph> paragraphs = replaceBody
                ? article.replaceBody(blocks(write), now)
                : Paragraph.listByArticle(article.id);
        // The version is read after the flush: the answer's ETag is the stored one.
        Article.flush();
        revisions.record(article, paragraphs, kind.afterStatus(before.status(), article.status), now);
        events.changed(before, article, now);
        return Versioned.written(ArticleResponse.from(article, paragraphs), Versions.of(article));
    }

    /** After a change to one block: the article's row and blocks are flushed, then recorded as they now stand. */
    void recordBodyChange(Article article, RevisionKind kind) {
        Article.flush();
        revisions.record(article, Paragraph.listByArticle(article.id), kind, article.updatedAt);
        // A block write changes neither status nor filing: what was visible stays so.
        events.changed(ArticleEvents.Before.of(article), article, article.updatedAt);
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
        article.changeLeadImage(write.leadImage() == null ? null : write.leadImage().normalized());
        article.updatedAt = now;
    }

    private static List<Block> blocks(ArticleWrite write) {
        return write.paragraphsOrEmpty().stream().map(ParagraphWrite::block).toList();
    }

    private static void checkBlocks(ArticleWrite write) {
        List<ParagraphWrite> blocks = write.paragraphsOrEmpty();
        for (int i = 0; i < blocks.size(); i++) {
            BlockTypes.checkAttribution("paragraphs[" + i + "].attribution", blocks.get(i).block());
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
                article.section, article.tags, article.status.wire(), article.publishedAt, article.commentsOpen, null,
                article.leadImage());
    }

    static ArticleText.Document toDocument(Article article, List<Paragraph> paragraphs) {
        return new ArticleText.Document(article.headline, article.subheadline, article.dateline,
                paragraphs.stream().map(Paragraph::block).toList());
    }

    private Audience audience(Article article, boolean editor) {
        return Audience.publicIf(!editor && article.isVisibleToReaders(Time.now(clock)));
    }

    private static Audience listAudience(ArticleListQuery query, boolean editor) {
        return Audience.publicIf(query.visibility() == ArticleListQuery.Visibility.PUBLISHED && !editor);
    }
}
