package org.newsroom.content.comment;

import java.time.Instant;
import java.util.List;

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

    /** The creation times of this client's reports since {@code since}, newest first, at most {@code max}. */
    public static List<Instant> newestByClientSince(String clientAddress, Instant since, int max) {
        return getEntityManager()
                .createQuery("select createdAt from CommentReport where clientAddress = :client"
                        + " and createdAt >= :since order by createdAt desc", Instant.class)
                .setParameter("client", clientAddress).setParameter("since", since).setMaxResults(max)
                .getResultList();
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

    /** Clears the client address of up to {@code batch} reports filed before {@code before}; answers how many. */
    public static int forgetAddressesBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("update comment_report set client_address = null where id in"
                + " (select id from comment_report where client_address is not null and created_at < :before"
                + " limit :batch)").setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }

    /**
     * Deletes up to {@code batch} reports filed before {@code before}; answers how many. What they did stays: the
     * comment's report count, and its hold.
     */
    public static int purgeBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("delete from comment_report where id in (select id from"
                + " comment_report where created_at < :before limit :batch)").setParameter("before", before)
                .setParameter("batch", batch).executeUpdate();
    }
}
