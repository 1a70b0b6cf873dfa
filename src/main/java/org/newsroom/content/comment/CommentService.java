package org.newsroom.content.comment;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.article.Article;
import org.newsroom.content.article.ArticleService;
import org.newsroom.content.shared.Hashing;
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
import org.newsroom.content.shared.outbox.EventType;
import org.newsroom.content.shared.validation.Text;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.version.Versioned;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.TextPage;

/** Reader comments: posting, threads, the author's edits and deletes with the comment's token, and reports. */
@ApplicationScoped
@Transactional
public class CommentService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** Who acts on a comment: the token its author holds, or a moderator. */
    public record Actor(String commentToken, String moderator) {
    }

    /** The body of a 202: the report is in; what happens next is the moderators' call. */
    @Schema(name = "ReportReceived", description = "A report was filed (or replayed for its Idempotency-Key)")
    public record ReportReceived(@Schema(enumeration = "received") String status) {
    }

    private final ArticleService articles;
    private final ContentConfig config;
    private final HoldRules holdRules;
    private final RateLimiter rateLimiter;
    private final Clock clock;
    private final ReadDependencies dependencies;
    private final LocalChanges changes;
    private final CommentEvents events;
    private final ServiceMetrics metrics;

    public CommentService(ArticleService articles, ContentConfig config, HoldRules holdRules, RateLimiter rateLimiter,
            Clock clock, ReadDependencies dependencies, LocalChanges changes, CommentEvents events,
            ServiceMetrics metrics) {
        this.articles = articles;
        this.config = config;
        this.holdRules = holdRules;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
        this.dependencies = dependencies;
        this.changes = changes;
        this.events = events;
        this.metrics = metrics;
    }

    @Idempotent
    public Posted post(String articleRef, CommentRequest request, String clientAddress, IdempotencyKey key) {
        CreatedCommentResponse created = store(articleRef, request, clientAddress);
        // No version: the answer holds the token, which no later read shows.
        return Posted.created(created, "comments/" + created.id(), null);
    }

    /** A new comment (a reply when it names a parent), published unless a hold rule says otherwise. */
    public CreatedCommentResponse store(String articleRef, CommentRequest request, String clientAddress) {
        Article article = articles.findReadable(articleRef, false);
        Instant now = Time.now(clock);
        requireCommentsOpen(article, now);
        Comment parent = request.parentId() == null ? null : publishedParent(article, request.parentId());
        rateLimiter.check(RateLimiter.Counted.COMMENTS, clientAddress, now);
        String body = Text.normalized(request.body());
        String token = newToken();
        // request.authorEmail() is accepted for older clients and not stored (README: Security and privacy).
        Comment comment = Comment.create(article.id, parent, Text.normalized(request.authorName()), body,
                Hashing.sha256(token), clientAddress, now, now.plus(config.comments().editWindow()));
        holdRules.reasonToHoldNew(body, clientAddress, now).ifPresentOrElse(comment::hold, comment::show);
        comment.persist();
        changes.commentsOf(article.id);
        if (comment.status == CommentStatus.PUBLISHED) {
            comment.threadChanged(now);
        }
        events.changed(comment.status == CommentStatus.PUBLISHED
                ? EventType.COMMENT_PUBLISHED
                : EventType.COMMENT_HELD, comment, null, now);
        metrics.commentPosted(comment.status != CommentStatus.PUBLISHED);
        return CreatedCommentResponse.from(comment, token);
    }

    /**
     * The article whose comments a live stream follows (comment/live): readable, its comments open; else a 404 or a
     * 409 problem.
     */
    public long followable(String articleRef) {
        Article article = articles.findReadable(articleRef, false);
        requireCommentsOpen(article, Time.now(clock));
        return article.id;
    }

    private void requireCommentsOpen(Article article, Instant now) {
        if (!article.commentsOpen || article.publishedAt.plus(config.comments().closeAfter()).isBefore(now)) {
            throw new ApiException(ErrorCode.COMMENTS_CLOSED, "Comments on this article are closed");
        }
    }

    public Read<Page<CommentResponse>> listTopLevel(String articleRef, boolean newestFirst, int limit, String cursor,
            KnownVersions known) {
        Listed<CommentResponse> listed = topLevel(articleRef, newestFirst, limit, cursor);
        return Read.of(known, listed.version(Page.JSON), Audience.PUBLIC, listed::page);
    }

    /**
     * A page of top-level comments as a readable thread for terminals: each with the replies under it (loaded for the
     * whole page in one query). Its own version: the replies it shows count in it too.
     */
    public Read<TextPage> threadText(String articleRef, boolean newestFirst, int limit, String cursor,
            KnownVersions known) {
        Listed<CommentResponse> page = topLevel(articleRef, newestFirst, limit, cursor);
        List<Long> roots = page.page().items().stream().filter(c -> c.replyCount() > 0).map(CommentResponse::id)
                .toList();
        List<Comment> replies = Comment.listRepliesOf(roots);
        StringBuilder signature = new StringBuilder("text ").append(page.version(Page.JSON).tag());
        replies.forEach(reply -> signature.append(';').append(reply.id).append(':').append(reply.version));
        Listed<CommentResponse> withReplies = new Listed<>(page.page(), signature.toString());
        return Read.of(known, withReplies.version(Page.JSON), Audience.PUBLIC, () -> new TextPage(
                CommentThreadText.of(page.page().items(), replies.stream().map(CommentResponse::from).toList()),
                page.page().nextCursor()));
    }

    /** Readers see published comments and tombstones; the author, with the token, also sees their own held one. */
    public Read<CommentResponse> get(long id, String commentToken, KnownVersions known) {
        Comment comment = Comment.findExisting(id);
        dependencies.commentsOf(comment.articleId);
        boolean author = comment.isHeldBy(hashOrNull(commentToken));
        if (!author) {
            visibleToReaders(comment);
        }
        return Read.of(known, version(comment), Audience.publicIf(!author), () -> CommentResponse.from(comment));
    }

    public Read<Page<CommentResponse>> listReplies(long id, int limit, String cursor, KnownVersions known) {
        Comment root = visibleToReaders(Comment.findById(id));
        dependencies.commentsOf(root.articleId);
        if (root.parentId != null) {
            throw ApiException.notFound("This thread");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, "replies");
        List<Comment> rows = Comment.pageReplies(root.id, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        Listed<CommentResponse> listed = page(rows, limit, "replies");
        return Read.of(known, listed.version(Page.JSON), Audience.PUBLIC, listed::page);
    }

    /**
     * The author changes the body with the token while the edit window is open; the rules look at it again, and under
     * pre-moderation it waits for a moderator again.
     */
    public Versioned<CommentResponse> edit(long id, String commentToken, CommentEdit edit) {
        Comment comment = Comment.findExisting(id);
        changes.commentsOf(comment.articleId);
        if (!comment.isHeldBy(hashOrNull(commentToken))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This Comment-Token is not this comment's");
        }
        if (comment.status == CommentStatus.DELETED || comment.status == CommentStatus.REJECTED
                || comment.status == CommentStatus.SPAM) {
            throw new ApiException(ErrorCode.CONFLICT, "A " + comment.status.wire() + " comment cannot be edited");
        }
        Instant now = Time.now(clock);
        if (now.isAfter(comment.editableUntil)) {
            throw new ApiException(ErrorCode.EDIT_WINDOW_CLOSED,
                    "This comment could be edited until " + comment.editableUntil);
        }
        CommentStatus previous = comment.status;
        comment.editBody(Text.normalized(edit.body()), now);
        holdRules.reasonToHoldEdit(comment.body).ifPresent(comment::hold);
        if (previous == CommentStatus.PUBLISHED && comment.status != CommentStatus.PUBLISHED) {
            comment.threadChanged(now);
        }
        events.changed(comment.status == CommentStatus.PUBLISHED
                ? EventType.COMMENT_UPDATED
                : EventType.COMMENT_HELD, comment, previous, now);
        return Versioned.written(CommentResponse.from(comment), version(comment));
    }

    /** Leaves a tombstone: the author with the token, or a moderator (whose decision is audited). */
    public void delete(long id, Actor actor) {
        Comment comment = Comment.findExisting(id);
        changes.commentsOf(comment.articleId);
        boolean author = comment.isHeldBy(hashOrNull(actor.commentToken()));
        if (!author && actor.moderator() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the comment's author (its token) or a moderator may");
        }
        if (comment.status != CommentStatus.DELETED) {
            Instant now = Time.now(clock);
            CommentStatus previous = comment.status;
            comment.changeStatus(CommentStatus.DELETED, now);
            if (!author) {
                ModerationDecision.record(comment, actor.moderator(), "delete", null, previous, now);
                metrics.moderationDecision("delete");
            }
            comment.threadChanged(now);
            events.changed(EventType.COMMENT_DELETED, comment, previous, now);
        }
    }

    /**
     * A reader's report: counted once per client; enough of them hold a published comment for a moderator, unless a
     * moderator approved it as it reads. Only a published comment can be reported (a held one is already with the
     * moderators, a tombstone has no words left). A client's reports are rate-limited like its comments.
     */
    @Idempotent
    public Posted report(long id, ReportRequest report, String clientAddress, IdempotencyKey key) {
        // The client's lock before the comment's row lock, in the order a post takes them (its reply's foreign key
        // waits on that row lock): one client reporting and replying to one comment at once cannot deadlock.
        rateLimiter.lock(RateLimiter.Counted.REPORTS, clientAddress);
        // Locked before the report row is written, so that concurrent reports of this comment take turns.
        Comment comment = visibleToReaders(Comment.findLocked(id));
        changes.commentsOf(comment.articleId);
        if (comment.status != CommentStatus.PUBLISHED) {
            throw new ApiException(ErrorCode.CONFLICT, "A deleted comment has nothing left to report");
        }
        Instant now = Time.now(clock);
        rateLimiter.check(RateLimiter.Counted.REPORTS, clientAddress, now);
        String detail = Text.normalized(report.detail());
        boolean filed = CommentReport.fileOnce(comment.id, report.reason(), detail, clientAddress, now);
        if (filed) {
            // Counted since the last approval (which resets it): the moderators' reported queue shows the new ones.
            comment.reportCount++;
            comment.updatedAt = now;
            if (!comment.approved && comment.reportCount >= config.comments().reportsToHold()) {
                comment.hold(HoldRules.REPORTS);
                comment.threadChanged(now);
                events.changed(EventType.COMMENT_HELD, comment, CommentStatus.PUBLISHED, now);
            }
        }
        metrics.report(filed);
        // The same answer either way; a report this client had filed before changed nothing, and is not remembered.
        return Posted.accepted(new ReportReceived("received"), filed);
    }

    /** A comment readers may see: its status is visible and its article is published; else a 404. */
    private Comment visibleToReaders(Comment comment) {
        if (comment == null || !comment.isVisibleToReaders()) {
            throw ApiException.notFound("This comment");
        }
        Article article = Article.findById(comment.articleId);
        if (article == null || !article.isVisibleToReaders(Time.now(clock))) {
            throw ApiException.notFound("This comment");
        }
        return comment;
    }

    private static Comment publishedParent(Article article, long parentId) {
        Comment parent = Comment.findById(parentId);
        if (parent == null || !parent.articleId.equals(article.id) || parent.status != CommentStatus.PUBLISHED) {
            throw ApiException.invalid("parentId", "must name a published comment of this article");
        }
        return parent;
    }

    private Listed<CommentResponse> topLevel(String articleRef, boolean newestFirst, int limit, String cursor) {
        Article article = articles.findReadable(articleRef, false);
        dependencies.commentsOf(article.id);
        String ordering = newestFirst ? "comments-newest" : "comments-oldest";
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ordering);
        List<Comment> rows = Comment.pageTopLevel(article.id, newestFirst, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        return page(rows, limit, ordering);
    }

    private static Listed<CommentResponse> page(List<Comment> rows, int limit, String ordering) {
        return Page.fromRows(rows, limit, CommentResponse::from,
                last -> Cursor.at(ordering, last.createdAt, last.id), c -> c.id + ":" + c.version);
    }

    /** A comment's version: its ETag, which every write to it names in If-Match (a moderator's decision too). */
    public static Version version(Comment comment) {
        return Version.ofRow("c", comment.id, comment.version, comment.updatedAt);
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hashOrNull(String token) {
        return token == null ? null : Hashing.sha256(token);
    }
}
