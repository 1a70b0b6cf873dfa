package org.newsroom.content.webhook;

import java.util.List;

/**
 * The wire names of the outbox's event types (outbox_event.type, V11) a subscription may ask for.
 */
final class WebhookEventTypes {

    static final List<String> ALL = List.of("article.published", "article.updated", "article.unpublished",
            "article.deleted", "comment.published", "comment.held", "comment.updated", "comment.deleted",
            "moderation.decided");

    private WebhookEventTypes() {
    }
}
