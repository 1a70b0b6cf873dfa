package org.newsroom.content.comment;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.Normalizer;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.article.Article;
import org.newsroom.content.article.ArticleService;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;
import org.newsroom.content.shared.web.Preconditions;

/** Reader comments: posting, threads, the author's edits and deletes with the comment's token, and reports. */
@ApplicationScoped
@Transactional
public class CommentService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    /** A comment as read, with its validators; {@code shared} is false for an author's view of their own. */
    public record Read(CommentResponse body, String etag, Instant lastModified, boolean shared) {
    }

    /** Who acts on a comment: the token its author holds, or a moderator. */
    public record Actor(String commentToken, String moderator) {

        public boolean isAnonymous() {
            return commentToken == null && moderator == null;
        }
    }

    private final ArticleService articles;
    private final ContentConfig config;
    private final HoldRules holdRules;
    private final RateLimiter rateLimiter;

    public CommentService(ArticleService articles, ContentConfig config, HoldRules holdRules,
            RateLimiter rateLimiter) {
        this.articles = articles;
        this.config = config;
        this.holdRules = holdRules;
        this.rateLimiter = rateLimiter;
    }

    public CreatedCommentResponse post(String articleRef, CommentRequest request, String clientAddress) {
        Article article = articles.findReadable(articleRef, false);
        Instant now = Time.now();
        if (!article.commentsOpen || article.publishedAt.plus(config.comments().closeAfter()).isBefore(now)) {
            throw new ApiException(ErrorCode.COMMENTS_CLOSED, "Comments on this article are closed");
        }
        Comment comment = new Comment();
        comment.articleId = article.id;
        if (request.parentId() != null) {
            Comment parent = Comment.<Comment>findByIdOptional(request.parentId())
                    .filter(candidate -> candidate.articleId.equals(article.id)
                            && candidate.status == CommentStatus.PUBLISHED)
                    .orElseThrow(() -> ApiException.invalid("parentId",
                            "must name a published comment of this article"));
            comment.parentId = parent.id;
            comment.rootId = parent.threadRootId();
        }
        rateLimiter.check(clientAddress, now);
        comment.authorName = nfc(request.authorName());
        comment.authorEmail = request.authorEmail();
        comment.body = nfc(request.body());
        comment.status = CommentStatus.PUBLISHED;
        holdRules.reasonToHoldNew(comment.body, clientAddress, now).ifPresent(comment::hold);
        comment.createdAt = now;
        comment.updatedAt = now;
        comment.editableUntil = now.plus(config.comments().editWindow());
        String token = newToken();
        comment.tokenHash = hash(token);
        comment.clientAddress = clientAddress;
        comment.persist();
        if (comment.rootId != null && comment.status == CommentStatus.PUBLISHED) {
            Comment.recountReplies(comment.rootId, now);
        }
        return CreatedCommentResponse.from(comment, token);
    }

    public Listed<CommentResponse> listTopLevel(String articleRef, boolean newestFirst, int limit, String cursor) {
        Article article = articles.findReadable(articleRef, false);
        String ordering = newestFirst ? "comments-newest" : "comments-oldest";
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ordering);
        List<Comment> rows = Comment.pageTopLevel(article.id, newestFirst, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        return page(rows, limit, ordering);
    }

    /** Readers see published comments and tombstones; the author, with the token, also sees their own held one. */
    public Read get(long id, String commentToken) {
        Comment comment = Comment.<Comment>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("This comment"));
        boolean author = comment.isHeldBy(hashOrNull(commentToken));
        if (!author) {
            comment = visibleToReaders(comment);
        }
        return new Read(CommentResponse.from(comment), etag(comment), comment.updatedAt, !author);
    }

    public Listed<CommentResponse> listReplies(long id, int limit, String cursor) {
        Comment root = visibleToReaders(Comment.<Comment>findByIdOptional(id).orElse(null));
        if (root.parentId != null) {
            throw ApiException.notFound("This thread");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, "replies");
        List<Comment> rows = Comment.pageReplies(root.id, after == null ? null : after.instant(),
                after == null ? null : after.id(), limit + 1);
        return page(rows, limit, "replies");
    }

    /** The author changes the body with the token while the edit window is open; the rules look at it again. */
    public Read edit(long id, String commentToken, CommentEdit edit) {
        Comment comment = Comment.<Comment>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("This comment"));
        if (!comment.isHeldBy(hashOrNull(commentToken))) {
            throw new ApiException(ErrorCode.FORBIDDEN, "This Comment-Token is not this comment's");
        }
        if (comment.status == CommentStatus.DELETED || comment.status == CommentStatus.REJECTED
                || comment.status == CommentStatus.SPAM) {
            throw new ApiException(ErrorCode.CONFLICT, "A " + comment.status.wire() + " comment cannot be edited");
        }
        Instant now = Time.now();
        if (now.isAfter(comment.editableUntil)) {
            throw new ApiException(ErrorCode.EDIT_WINDOW_CLOSED,
                    "This comment could be edited until " + comment.editableUntil);
        }
        boolean wasPublished = comment.status == CommentStatus.PUBLISHED;
        comment.editBody(nfc(edit.body()), now);
        holdRules.reasonToHoldContent(comment.body).ifPresent(comment::hold);
        Comment.flush();
        if (wasPublished && comment.status != CommentStatus.PUBLISHED && comment.rootId != null) {
            Comment.recountReplies(comment.rootId, now);
        }
        return new Read(CommentResponse.from(comment), etag(comment), comment.updatedAt, false);
    }

    /** Leaves a tombstone: the author with the token, or a moderator (whose decision is audited). */
    public void delete(long id, Actor actor) {
        Comment comment = Comment.<Comment>findByIdOptional(id)
                .orElseThrow(() -> ApiException.notFound("This comment"));
        boolean author = comment.isHeldBy(hashOrNull(actor.commentToken()));
        if (!author && actor.moderator() == null) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Only the comment's author (its token) or a moderator may");
        }
        Instant now = Time.now();
        if (comment.status != CommentStatus.DELETED) {
            CommentStatus previous = comment.status;
            comment.changeStatus(CommentStatus.DELETED, now);
            if (!author) {
                ModerationDecision.record(comment, actor.moderator(), "delete", null, previous, now);
            }
            Comment.flush();
            if (comment.rootId != null) {
                Comment.recountReplies(comment.rootId, now);
            }
        }
    }

    /**
     * A reader's report: counted once per client; enough of them hold a published comment for a moderator. Only a
     * published comment can be reported (a held one is already with the moderators, a tombstone has no words left).
     */
    public void report(long id, ReportRequest report, String clientAddress) {
        Comment comment = visibleToReaders(Comment.<Comment>findByIdOptional(id).orElse(null));
        if (comment.status != CommentStatus.PUBLISHED) {
            throw new ApiException(ErrorCode.CONFLICT, "A deleted comment has nothing left to report");
        }
        Instant now = Time.now();
        if (CommentReport.fileOnce(comment.id, report.reason(), report.detail() == null ? null : nfc(report.detail()),
                clientAddress, now)) {
            // Counted since the last approval (which resets it), so one report cannot re-hold an approved comment.
            comment.reportCount++;
            comment.updatedAt = now;
            if (comment.reportCount >= config.comments().reportsToHold()) {
                comment.hold(HoldRules.REPORTS);
                Comment.flush();
                if (comment.rootId != null) {
                    Comment.recountReplies(comment.rootId, now);
                }
            }
        }
    }

    /** A comment readers may see: its status is visible and its article is published. */
    Comment visibleToReaders(Comment comment) {
        if (comment == null || !comment.status.isVisibleToReaders()) {
            throw ApiException.notFound("This comment");
        }
        Article article = Article.findById(comment.articleId);
        if (article == null || !article.isVisibleToReaders(Time.now())) {
            throw ApiException.notFound("This comment");
        }
        return comment;
    }

    static String etag(Comment comment) {
        return Preconditions.etag("c" + comment.id + "." + comment.version);
    }

    /**
     * A page of top-level comments as a readable thread for terminals: each with the replies under it (loaded for the
     * whole page in one query).
     */
    public Listed<String> threadText(String articleRef, boolean newestFirst, int limit, String cursor) {
        Listed<CommentResponse> page = listTopLevel(articleRef, newestFirst, limit, cursor);
        List<Long> roots = page.page().items().stream().filter(c -> c.replyCount() > 0).map(CommentResponse::id)
                .toList();
        List<Comment> replies = Comment.listRepliesOf(roots);
        String text = CommentThreadText.of(page.page().items(), replies.stream().map(CommentResponse::from).toList());
        // Another representation, so its own ETag; the replies it shows count in it too.
        StringBuilder signature = new StringBuilder("text ").append(page.etag());
        replies.forEach(reply -> signature.append(';').append(reply.id).append(':').append(reply.version));
        return new Listed<>(new Page<>(List.of(text), page.page().nextCursor()), Page.weakEtag(signature.toString()));
    }

    private static Listed<CommentResponse> page(List<Comment> rows, int limit, String ordering) {
        return Page.fromRows(rows, limit, CommentResponse::from,
                last -> Cursor.at(ordering, last.createdAt, last.id), c -> c.id + ":" + c.version);
    }

    static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hashOrNull(String token) {
        return token == null ? null : hash(token);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
