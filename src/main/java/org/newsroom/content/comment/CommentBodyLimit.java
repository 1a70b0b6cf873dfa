package org.newsroom.content.comment;

import jakarta.enterprise.event.Observes;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.RouteProblems;

import io.vertx.ext.web.Router;

/**
 * Comment writes may be at most {@code content.comments.max-body-size} (64 KiB): a larger declared body is a 413
 * problem before a byte of it is read or parsed. (The whole service's limit is larger, for articles.)
 */
public class CommentBodyLimit {

    private static final String[] COMMENT_WRITES = {"/api/v1/articles/:ref/comments", "/api/v1/comments/:id",
            "/api/v1/comments/:id/reports"};

    void register(@Observes Router router, ContentConfig config) {
        long limit = config.comments().maxBodySize().asLongValue();
        for (String path : COMMENT_WRITES) {
            router.route(path).order(Integer.MIN_VALUE + 1).handler(RouteProblems.bodyLimit(limit));
        }
    }
}
