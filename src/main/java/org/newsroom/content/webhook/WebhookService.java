package org.newsroom.content.webhook;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.outbox.EventType;
import org.newsroom.content.shared.version.Audience;
import org.newsroom.content.shared.version.KnownVersions;
import org.newsroom.content.shared.version.Read;
import org.newsroom.content.shared.version.Version;
import org.newsroom.content.shared.web.Cursor;
import org.newsroom.content.shared.web.Listed;
import org.newsroom.content.shared.web.Page;

/** Subscriptions and their deliveries, for editors (docs/http-api.md: Webhooks). */
@ApplicationScoped
@Transactional
public class WebhookService {

    private static final String DELIVERIES = "webhook-deliveries";

    private final ContentConfig.Webhooks settings;
    private final Clock clock;

    public WebhookService(ContentConfig config, Clock clock) {
        this.settings = config.webhooks();
        this.clock = clock;
    }

    /**
     * Checks the URL and the types, resolves the host (its addresses must be allowed), and makes a subscription with
     * a new secret. The host is resolved outside the transaction's statements but inside its method: a DNS answer is
     * quick or fails, and no row is locked meanwhile.
     */
    public CreatedWebhookResponse create(CreateWebhookRequest request) {
        WebhookTarget target = WebhookTarget.parse(request.url(), settings);
        Set<String> types = new LinkedHashSet<>();
        for (String type : request.eventTypes()) {
            if (EventType.ofWire(type).isEmpty()) {
                throw ApiException.invalid("eventTypes", "must hold only these event types: " + String.join(", ",
                        Arrays.stream(EventType.values()).map(EventType::wire).toList()));
            }
            if (!types.add(type)) {
                throw ApiException.invalid("eventTypes", "must not name an event type twice (" + type + ")");
            }
        }
        try {
            target.resolve(settings.allowPrivateAddresses());
        } catch (WebhookTarget.Refused e) {
            throw ApiException.invalid("url", e.getMessage());
        }
        return CreatedWebhookResponse.from(WebhookSubscription.create(target.uri().toString(), List.copyOf(types),
                request.description(), StandardWebhooks.newSecret(), Time.now(clock)));
    }

    /** Every subscription, in one page; its version names their ids (a subscription never changes). */
    public Read<Page<WebhookResponse>> list(KnownVersions known) {
        List<WebhookSubscription> all = WebhookSubscription.listOldestFirst();
        StringBuilder signature = new StringBuilder();
        all.forEach(subscription -> signature.append(subscription.id).append(';'));
        Listed<WebhookResponse> listed = Page.whole(all.stream().map(WebhookResponse::from).toList(),
                signature.toString());
        return Read.of(known, listed.version(Page.JSON), Audience.PRIVATE, listed::page);
    }

    public Read<WebhookResponse> get(long id, KnownVersions known) {
        WebhookSubscription subscription = subscription(id);
        return Read.of(known, Version.ofRow("w", subscription.id, 0, subscription.createdAt), Audience.PRIVATE,
                () -> WebhookResponse.from(subscription));
    }

    /** Deletes the subscription and its deliveries (pending ones are never sent). */
    public void delete(long id) {
        subscription(id).delete();
    }

    /** A page of the subscription's deliveries, newest first; its version names each row's state. */
    public Read<Page<DeliveryResponse>> deliveries(long id, int limit, String cursor, KnownVersions known) {
        subscription(id);
        Long before = cursor == null ? null : Cursor.decode(cursor, DELIVERIES).id();
        List<WebhookDelivery> rows = WebhookDelivery.listNewestFirst(id, before, limit + 1);
        Listed<DeliveryResponse> listed = Page.fromRows(rows, limit, DeliveryResponse::from,
                row -> new Cursor(DELIVERIES, "0", row.id), row -> row.id + ":" + row.status + ":" + row.attempts
                        + ":" + row.lastAttemptAt + ":" + row.nextAttemptAt + ":" + row.lastStatus);
        return Read.of(known, listed.version(Page.JSON), Audience.PRIVATE, listed::page);
    }

    /**
     * Queues a delivery again, due now, with a fresh retry schedule. One that is pending already is a 409: it is on
     * its way (or waiting for its next attempt, which a redelivery would not make sooner than the schedule says).
     */
    public DeliveryResponse redeliver(long id, long deliveryId) {
        subscription(id);
        WebhookDelivery delivery = WebhookDelivery.findInSubscription(id, deliveryId)
                .orElseThrow(() -> ApiException.notFound("This delivery"));
        if (WebhookDelivery.PENDING.equals(delivery.status)) {
            throw new ApiException(ErrorCode.CONFLICT,
                    "This delivery is pending: it is tried again at nextAttemptAt; redeliver it once it is delivered"
                            + " or failed");
        }
        Instant now = Time.now(clock);
        delivery.requeue(now);
        return DeliveryResponse.from(delivery);
    }

    private static WebhookSubscription subscription(long id) {
        return WebhookSubscription.findByIdOptional(id).orElseThrow(() -> ApiException.notFound("This webhook"));
    }
}
