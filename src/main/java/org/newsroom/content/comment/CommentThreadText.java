package org.newsroom.content.comment;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Comments for a terminal: each top-level comment with its replies indented under it. */
final class CommentThreadText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private CommentThreadText() {
    }

    static String of(List<CommentResponse> topLevel, List<CommentResponse> replies) {
        Map<Long, List<CommentResponse>> byRoot = replies.stream()
                .collect(Collectors.groupingBy(CommentResponse::rootId));
        StringBuilder text = new StringBuilder();
        for (CommentResponse comment : topLevel) {
            write(text, comment, "");
            for (CommentResponse reply : byRoot.getOrDefault(comment.id(), List.of())) {
                write(text, reply, "    ");
            }
        }
        return text.toString();
    }

    private static void write(StringBuilder text, CommentResponse comment, String indent) {
        String author = comment.authorName() == null ? "[deleted]" : comment.authorName();
        text.append(indent).append(indent.isEmpty() ? "" : "↳ ").append(author).append(" · ")
                .append(WHEN.format(comment.createdAt())).append(" · #").append(comment.id());
        if (comment.replyCount() > 0) {
            text.append(" · ").append(comment.replyCount()).append(comment.replyCount() == 1 ? " reply" : " replies");
        }
        text.append('\n');
        String body = comment.body() == null ? "(this comment was deleted)" : comment.body();
        for (String line : body.split("\n", -1)) {
            text.append(indent).append(indent.isEmpty() ? "  " : "    ").append(line).append('\n');
        }
        text.append('\n');
    }
}
