package org.newsroom.content.comment;

import jakarta.enterprise.event.Observes;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.RouteProblems;
import org.newsroom.content.shared.web.ReadLimit;

import io.vertx.ext.web.Router;

/**
 * Comment writes may be at most {@code content.comments.max-body-size} (64 KiB): a larger declared body is a 413
 * problem before a byte of it is read or parsed, and a body that declares no length (chunked) is a 413 problem as soon
 * as more than that has been read. (The whole service's limit is larger, for articles.)
 */
public class CommentBodyLimit {

    private static final String[] COMMENT_WRITES = {"/api/v1/articles/:ref/comments", "/api/v1/comments/:id",
            "/api/v1/comments/:id/reports"};

    void register(@Observes Router router, ContentConfig config) {
        long limit = config.comments().maxBodySize().asLongValue();
        for (String path : COMMENT_WRITES) {
            router.route(path).order(Integer.MIN_VALUE + 1).handler(RouteProblems.bodyLimit(limit))
                    .handler(ReadLimit.cap(limit));
        }
    }
}
