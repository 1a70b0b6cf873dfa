package org.newsroom.content.webhook;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;
import org.newsroom.content.shared.validation.TextLength;

@Schema(name = "CreateWebhookRequest")
public record CreateWebhookRequest(
        @NotNull @Size(max = WebhookTarget.MAX_LENGTH) @Schema(description = "https URL (http only where"
                + " content.webhooks.allow-http); no user name, password or fragment; its host must resolve to public"
                + " addresses only (unless content.webhooks.allow-private-addresses)", example = "https://hooks.example/news") String url,
        @NotEmpty @Size(max = 9) @Schema(type = SchemaType.ARRAY, implementation = EventTypeName.class, description = "The event types to receive (each at most once)") List<@NotNull String> eventTypes,
        @TextLength(max = 500) @SingleLine @Schema(description = "For the editors: what this receiver is") String description) {

    /** The schema of one event type's wire name (docs/http-api.md §10), for the OpenAPI document only. */
    @Schema(name = "WebhookEventType", type = SchemaType.STRING, enumeration = {"article.published", "article.updated",
            "article.unpublished", "article.deleted", "comment.published", "comment.held", "comment.updated",
            "comment.deleted", "moderation.decided"})
    static final class EventTypeName {

        private EventTypeName() {
        }
    }
}
