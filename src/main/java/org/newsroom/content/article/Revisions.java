package org.newsroom.content.article;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.hibernate.query.NativeQuery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The stored revisions of articles (V9): each change records one, in the change's transaction, numbered 1, 2, … per
 * article. Every query here is one statement; the snapshot is read only by the reads that show it.
 */
@ApplicationScoped
public class Revisions {

    /** One stored revision with its snapshot. */
    record Stored(int number, Instant createdAt, String author, RevisionKind kind, ArticleResponse snapshot) {
    }

    /** Who makes changes outside a request (the demo data at start-up). */
    static final String SYSTEM = "system";

    private final EntityManager entityManager;
    private final ObjectMapper writer;
    /** Snapshots outlive the fields of their time: a field the article no longer has is skipped, not a failure. */
    private final ObjectMapper reader;
    private final SecurityIdentity identity;

    public Revisions(EntityManager entityManager, ObjectMapper mapper, SecurityIdentity identity) {
        this.entityManager = entityManager;
        this.writer = mapper;
        this.reader = mapper.copy().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        this.identity = identity;
    }

    /**
     * Records the article as it stands now (its row flushed, so the snapshot carries its stored state) as the next
     * revision. The number is taken in the insert itself; the change has already updated the article's row, whose
     * lock orders concurrent changes, so two revisions of one article never race for a number.
     */
    void record(Article article, List<Paragraph> paragraphs, RevisionKind kind, Instant now) {
        String snapshot;
        try {
            snapshot = writer.writeValueAsString(ArticleResponse.from(article, paragraphs));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        entityManager.createNativeQuery("INSERT INTO article_revision"
                + " (article_id, number, created_at, author, kind, headline, snapshot)"
                + " SELECT :article, COALESCE(max(number), 0) + 1, :now, :author, :kind, :headline,"
                + " CAST(:snapshot AS jsonb) FROM article_revision WHERE article_id = :article")
                .setParameter("article", article.id).setParameter("now", now).setParameter("author", author())
                .setParameter("kind", kind.wire()).setParameter("headline", article.headline)
                .setParameter("snapshot", snapshot).executeUpdate();
    }

    /** Newest first, after {@code beforeNumber} (null: from the newest), with one row more than {@code limit}. */
    @SuppressWarnings("unchecked")
    List<RevisionSummary> page(long articleId, Integer beforeNumber, int limit) {
        NativeQuery<RevisionSummary> query = entityManager.createNativeQuery(
                "SELECT number, created_at, author, kind, headline FROM article_revision WHERE article_id = :article"
                        + (beforeNumber == null ? "" : " AND number < :before") + " ORDER BY number DESC LIMIT :rows")
                .unwrap(NativeQuery.class).addScalar("number", Integer.class).addScalar("created_at", Instant.class)
                .addScalar("author", String.class).addScalar("kind", String.class).addScalar("headline", String.class)
                .setTupleTransformer((row, aliases) -> new RevisionSummary((Integer) row[0], (Instant) row[1],
                        (String) row[2], (String) row[3], (String) row[4]));
        query.setParameter("article", articleId).setParameter("rows", limit + 1);
        if (beforeNumber != null) {
            query.setParameter("before", beforeNumber);
        }
        return query.getResultList();
    }

    Optional<Stored> find(long articleId, int number) {
        return findAll(articleId, List.of(number)).stream().findFirst();
    }

    /** Several revisions of one article in one statement, in number order; unknown numbers are left out. */
    @SuppressWarnings("unchecked")
    List<Stored> findAll(long articleId, List<Integer> numbers) {
        List<Object[]> rows = entityManager.createNativeQuery(
                "SELECT number, created_at, author, kind, CAST(snapshot AS text) AS snapshot FROM article_revision"
                        + " WHERE article_id = :article AND number IN (:numbers) ORDER BY number")
                .unwrap(NativeQuery.class).addScalar("number", Integer.class).addScalar("created_at", Instant.class)
                .addScalar("author", String.class).addScalar("kind", String.class).addScalar("snapshot", String.class)
                .setParameter("article", articleId).setParameterList("numbers", numbers).getResultList();
        return rows.stream().map(row -> new Stored((Integer) row[0], (Instant) row[1], (String) row[2],
                kindOf((String) row[3]), snapshot((String) row[4]))).toList();
    }

    private ArticleResponse snapshot(String json) {
        try {
            return reader.readValue(json, ArticleResponse.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A stored snapshot is not an article", e);
        }
    }

    private static RevisionKind kindOf(String wire) {
        for (RevisionKind kind : RevisionKind.values()) {
            if (kind.wire().equals(wire)) {
                return kind;
            }
        }
        throw new IllegalStateException("Unknown revision kind " + wire);
    }

    /** The token's subject; the principal's name for another kind of identity; {@link #SYSTEM} outside a request. */
    private String author() {
        if (!Arc.container().requestContext().isActive() || identity.isAnonymous()) {
            return SYSTEM;
        }
        Principal principal = identity.getPrincipal();
        if (principal instanceof JsonWebToken token && token.getSubject() != null) {
            return token.getSubject();
        }
        return principal.getName();
    }
}
