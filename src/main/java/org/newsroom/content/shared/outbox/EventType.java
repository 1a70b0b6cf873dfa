package org.newsroom.content.shared.outbox;

import java.util.Arrays;
import java.util.Optional;

/**
 * The events of the outbox (V11), by their wire names (docs/http-api.md, Webhooks). An article's events follow what
 * readers can see: {@code published} when it becomes visible (at its scheduled time, for a scheduled one),
 * {@code updated} while it stays visible, {@code unpublished} and {@code deleted} when it stops being visible. A
 * comment's: {@code published} when it becomes visible (posted, or approved), {@code held} when it goes to the
 * moderators, {@code updated} when a visible comment is edited, {@code deleted} for a tombstone; every moderator
 * decision is also a {@code moderation.decided}.
 */
public enum EventType {

    ARTICLE_PUBLISHED("article.published"), ARTICLE_UPDATED("article.updated"), ARTICLE_UNPUBLISHED(
            "article.unpublished"), ARTICLE_DELETED(
                    "article.deleted"), COMMENT_PUBLISHED("comment.published"), COMMENT_HELD(
                            "comment.held"), COMMENT_UPDATED("comment.updated"), COMMENT_DELETED(
                                    "comment.deleted"), MODERATION_DECIDED("moderation.decided");

    private final String wire;

    EventType(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<EventType> ofWire(String wire) {
        return Arrays.stream(values()).filter(type -> type.wire.equals(wire)).findFirst();
    }
}
