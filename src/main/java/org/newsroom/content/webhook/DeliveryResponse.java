package org.newsroom.content.webhook;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One event on its way to one subscription, as the deliveries list shows it. */
@Schema(name = "WebhookDelivery")
public record DeliveryResponse(long id, long eventId,
        @Schema(description = "The webhook-id header of every attempt") String webhookId, String eventType,
        @Schema(enumeration = {
                "pending", "delivered", "failed"}) String status,
        @Schema(description = "Attempts made (a redelivery starts again from 0)") int attempts,
        @Schema(nullable = true, description = "The status code of the last answer") Integer lastStatusCode,
        @Schema(nullable = true, description = "Why the last attempt failed") String lastError,
        @Schema(nullable = true, description = "When it is tried next (pending only)") Instant nextAttemptAt,
        @Schema(nullable = true) Instant lastAttemptAt, @Schema(nullable = true) Instant deliveredAt,
        Instant createdAt) {

    static DeliveryResponse from(WebhookDelivery delivery) {
        boolean pending = WebhookDelivery.PENDING.equals(delivery.status);
        return new DeliveryResponse(delivery.id, delivery.eventId, StandardWebhooks.messageId(delivery.eventId),
                delivery.eventType, delivery.status, delivery.attempts, delivery.lastStatus, delivery.lastError,
                pending ? delivery.nextAttemptAt : null, delivery.lastAttemptAt, delivery.deliveredAt,
                delivery.createdAt);
    }
}
