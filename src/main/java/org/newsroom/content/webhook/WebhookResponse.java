package org.newsroom.content.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as editors read it: never its secret. */
@Schema(name = "Webhook")
public record WebhookResponse(long id, String url, List<String> eventTypes,
        @Schema(nullable = true) String description, Instant createdAt) {

    static WebhookResponse from(WebhookSubscription subscription) {
        return new WebhookResponse(subscription.id, subscription.url, List.copyOf(subscription.eventTypes),
                subscription.description, subscription.createdAt);
    }
}
