package org.newsroom.content.webhook;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A receiver of signed webhooks: its URL, the event types it wants and the secret the service signs with (V12). */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String url;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "event_types", columnDefinition = "text[]")
    public List<String> eventTypes = new ArrayList<>();

    public String description;

    public String secret;

    @Column(name = "created_at")
    public Instant createdAt;

    public static WebhookSubscription create(String url, List<String> eventTypes, String description, String secret,
            Instant now) {
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.url = url;
        subscription.eventTypes = new ArrayList<>(eventTypes);
        subscription.description = description;
        subscription.secret = secret;
        subscription.createdAt = now;
        subscription.persist();
        return subscription;
    }

    public static Optional<WebhookSubscription> findByIdOptional(long id) {
        return find("id", id).firstResultOptional();
    }

    public static List<WebhookSubscription> listOldestFirst() {
        return list("order by id");
    }
}
