package org.newsroom.content.shared.outbox;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes events to the outbox (V11) in the transaction of the change they describe: one insert, committed or rolled
 * back with the change, so an event exists if and only if its change did. Webhook deliveries and the live comment
 * streams read the table; nothing here sends anything.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final ObjectMapper mapper;

    public Outbox(EntityManager entityManager, ObjectMapper mapper) {
        this.entityManager = entityManager;
        this.mapper = mapper;
    }

    /** A new object for an event's {@code data}. */
    public ObjectNode data() {
        return mapper.createObjectNode();
    }

    /**
     * Records {@code type} about the article (and comment, or null) with {@code data}, deliverable from
     * {@code visibleAt}: the change's own time, or a scheduled publication's.
     */
    public void record(EventType type, long articleId, Long commentId, ObjectNode data, Instant createdAt,
            Instant visibleAt) {
        String json;
        try {
            json = mapper.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("INSERT INTO outbox_event (type, article_id, comment_id, data, created_at,"
                + " visible_at) VALUES (:type, :article, :comment, CAST(:data AS jsonb), :created, :visible)")
                .unwrap(NativeQuery.class).setParameter("type", type.wire()).setParameter("article", articleId)
                // Typed: a null of no type would be sent as bytea.
                .setParameter("comment", commentId, Long.class).setParameter("data", json)
                .setParameter("created", createdAt).setParameter("visible", visibleAt).executeUpdate();
    }

    /**
     * Withdraws the article's events that are not deliverable yet (a scheduled publication that is rescheduled,
     * edited or withdrawn before its time): the change that does so records what now holds. Deliveries are made only
     * of deliverable events, so nothing was sent of these.
     */
    public void withdrawScheduled(long articleId, Instant now) {
        entityManager.createNativeQuery("DELETE FROM outbox_event WHERE article_id = :article AND visible_at > :now")
                .setParameter("article", articleId).setParameter("now", now).executeUpdate();
    }
}
