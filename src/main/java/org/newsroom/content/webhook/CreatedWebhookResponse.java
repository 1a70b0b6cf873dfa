package org.newsroom.content.webhook;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a subscription's creation: the only one that shows its secret. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhookResponse(long id, String url, List<String> eventTypes,
        @Schema(nullable = true) String description, Instant createdAt,
        @Schema(description = "whsec_<base64>: verifies webhook-signature (Standard Webhooks). Shown only now: keep"
                + " it") String secret) {

    static CreatedWebhookResponse from(WebhookSubscription subscription) {
        return new CreatedWebhookResponse(subscription.id, subscription.url, List.copyOf(subscription.eventTypes),
                subscription.description, subscription.createdAt, subscription.secret);
    }
}
