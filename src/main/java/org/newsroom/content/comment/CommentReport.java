package org.newsroom.content.comment;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A reader's report on a comment; one per client and comment counts. */
@Entity
@Table(name = "comment_report")
public class CommentReport extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "comment_id")
    public Long commentId;

    public String reason;
    public String detail;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "created_at")
    public Instant createdAt;

    public static long countByClientSince(String clientAddress, Instant since) {
        return count("clientAddress = ?1 and createdAt >= ?2", clientAddress, since);
    }

    /** The n-th newest report time of a client (1 = newest), to tell when a rate window frees a place. */
    public static Optional<Instant> nthNewestByClientSince(String clientAddress, Instant since, int n) {
        return getEntityManager()
                .createQuery("select createdAt from CommentReport where clientAddress = :client"
                        + " and createdAt >= :since order by createdAt desc", Instant.class)
                .setParameter("client", clientAddress).setParameter("since", since).setFirstResult(n - 1)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /** Files the report unless this client already reported this comment; answers whether it was new. */
    public static boolean fileOnce(long commentId, String reason, String detail, String clientAddress, Instant now) {
        int inserted = getEntityManager().createNativeQuery(
                "insert into comment_report (comment_id, reason, detail, client_address, created_at)"
                        + " values (:comment, :reason, :detail, :client, :now)"
                        + " on conflict (comment_id, client_address) do nothing")
                .setParameter("comment", commentId).setParameter("reason", reason).setParameter("detail", detail)
                .setParameter("client", clientAddress).setParameter("now", now).executeUpdate();
        return inserted == 1;
    }
}
