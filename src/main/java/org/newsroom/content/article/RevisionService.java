package org.newsroom.content.article;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.ExpectedVersion;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;

/**
 * An article's history, for editors: its revisions, one snapshot, the difference between two, and a restore (a write
 * like any other: If-Match, and a new revision). Every read is the article's row and one statement more; none is
 * cached (they are editors' reads), and a revision never changes once written.
 */
@ApplicationScoped
@Transactional
public class RevisionService {

    /** The ordering of the list, named in its cursors: newest first. */
    static final String ORDERING = "revisions";

    private final ArticleService articles;
    private final Revisions revisions;

    public RevisionService(ArticleService articles, Revisions revisions) {
        this.articles = articles;
        this.revisions = revisions;
    }

    public Read<Page<RevisionSummary>> list(String ref, int limit, String cursor, KnownVersions known) {
        Article article = articles.findReadable(ref, true);
        Integer before = cursor == null ? null : before(cursor, article.id);
        List<RevisionSummary> rows = revisions.page(article.id, before, limit);
        // A cursor holds the article's id as its id and the last number shown as its key.
        Listed<RevisionSummary> listed = Page.fromRows(rows, limit, row -> row,
                row -> Cursor.at(ORDERING, row.number(), article.id), row -> article.id + ":" + row.number());
        return Read.of(known, listed.version(Page.JSON), Audience.PRIVATE, listed::page);
    }

    /** The article as revision {@code number} left it. */
    public Read<ArticleResponse> get(String ref, int number, KnownVersions known) {
        Article article = articles.findReadable(ref, true);
        Revisions.Stored revision = find(article, number);
        return Read.of(known, Version.ofRow("r", article.id, number, revision.createdAt()), Audience.PRIVATE,
                revision::snapshot);
    }

    /** What changed from revision {@code against} to revision {@code number}. */
    public Read<RevisionDiff> diff(String ref, int number, int against, KnownVersions known) {
        Article article = articles.findReadable(ref, true);
        List<Revisions.Stored> both = revisions.findAll(article.id, List.of(number, against));
        Revisions.Stored to = pick(both, number);
        Revisions.Stored from = pick(both, against);
        Version version = Version.ofSignature("d", article.id + ":" + against + ":" + number, to.createdAt());
        return Read.of(known, version, Audience.PRIVATE,
                () -> RevisionDiff.between(against, from.snapshot(), number, to.snapshot()));
    }

    /**
     * The article becomes revision {@code number} again, as a new revision: its fields (status and publication date
     * included) and its body. Its slug comes back too if no other article has taken it meanwhile; if one has, the
     * article keeps the slug it has now.
     */
    public Versioned<ArticleResponse> restore(String ref, int number, ExpectedVersion expected) {
        Article article = articles.findForWrite(ref);
        expected.check(Versions.of(article));
        ArticleResponse snapshot = find(article, number).snapshot();
        String slug = snapshot.slug().equals(article.slug) || !Article.slugExists(snapshot.slug())
                ? snapshot.slug()
                : article.slug;
        return articles.update(article, write(snapshot, slug), true, RevisionKind.RESTORED);
    }

    static ArticleWrite write(ArticleResponse snapshot, String slug) {
        List<ParagraphWrite> blocks = snapshot.paragraphs() == null
                ? List.of()
                : snapshot.paragraphs().stream()
                        .map(block -> new ParagraphWrite(block.type(), block.text(), block.attribution(),
                                block.image()))
                        .toList();
        return new ArticleWrite(slug, snapshot.headline(), snapshot.subheadline(), snapshot.dateline(),
                snapshot.byline(), snapshot.section(), snapshot.tags(), snapshot.status(), snapshot.publishedAt(),
                snapshot.commentsOpen(), blocks, snapshot.leadImage());
    }

    private Revisions.Stored find(Article article, int number) {
        return revisions.find(article.id, number).orElseThrow(() -> ApiException.notFound("This revision"));
    }

    private static Revisions.Stored pick(List<Revisions.Stored> found, int number) {
        return found.stream().filter(revision -> revision.number() == number).findFirst()
                .orElseThrow(() -> ApiException.notFound("Revision " + number));
    }

    private static int before(String text, long articleId) {
        Cursor cursor = Cursor.decode(text, ORDERING);
        double number = cursor.number();
        if (cursor.id() != articleId || number < 1 || number > Integer.MAX_VALUE || number != Math.rint(number)) {
            throw ApiException.invalid("cursor", "is not a cursor this list gave out");
        }
        return (int) number;
    }
}
