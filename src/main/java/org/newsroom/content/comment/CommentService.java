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
import org.newsroom.content.shared.web.Page;

@ApplicationScoped
@Transactional
public class CommentService {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int TOKEN_BYTES = 32;

    private final ArticleService articles;
    private final ContentConfig config;

    public CommentService(ArticleService articles, ContentConfig config) {
        this.articles = articles;
        this.config = config;
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
        comment.authorName = nfc(request.authorName());
        comment.authorEmail = request.authorEmail();
        comment.body = nfc(request.body());
        comment.status = CommentStatus.PUBLISHED;
        comment.createdAt = now;
        comment.updatedAt = now;
        comment.editableUntil = now.plus(config.comments().editWindow());
        String token = newToken();
        comment.tokenHash = hash(token);
        comment.clientAddress = clientAddress;
        comment.persist();
        if (comment.rootId != null) {
            Comment.countReply(comment.rootId, now);
        }
        return CreatedCommentResponse.from(comment, token);
    }

    public Page<CommentResponse> listTopLevel(String articleRef, boolean newestFirst, int limit, String cursor) {
        Article article = articles.findReadable(articleRef, false);
        String ordering = newestFirst ? "comments-newest" : "comments-oldest";
        Cursor after = cursor == null ? null : Cursor.decode(cursor, ordering);
        List<Comment> rows = Comment.pageTopLevel(article.id, newestFirst, after == null ? null : after.sortKey(),
                after == null ? null : after.id(), limit + 1);
        return page(rows, limit, ordering);
    }

    /** A comment as read, with its validators. */
    public record Read(CommentResponse body, String etag, Instant lastModified) {
    }

    public Read get(long id) {
        Comment comment = findVisible(id);
        return new Read(CommentResponse.from(comment), etag(comment), comment.updatedAt);
    }

    static String etag(Comment comment) {
        return org.newsroom.content.shared.web.Preconditions.etag("c" + comment.id + "." + comment.version);
    }

    public Page<CommentResponse> listReplies(long id, int limit, String cursor) {
        Comment root = findVisible(id);
        if (root.parentId != null) {
            throw ApiException.notFound("This thread");
        }
        Cursor after = cursor == null ? null : Cursor.decode(cursor, "replies");
        List<Comment> rows = Comment.pageReplies(root.id, after == null ? null : after.sortKey(),
                after == null ? null : after.id(), limit + 1);
        return page(rows, limit, "replies");
    }

    /** A comment readers may see: its status is visible and its article is published. */
    private Comment findVisible(long id) {
        Comment comment = Comment.findVisibleToReaders(id).orElseThrow(() -> ApiException.notFound("This comment"));
        Article article = Article.findById(comment.articleId);
        if (article == null || !article.isVisibleToReaders(Time.now())) {
            throw ApiException.notFound("This comment");
        }
        return comment;
    }

    private static Page<CommentResponse> page(List<Comment> rows, int limit, String ordering) {
        return Page.fromRows(rows, limit, CommentResponse::from,
                last -> new Cursor(ordering, last.createdAt, last.id));
    }

    private static String nfc(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    private static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
