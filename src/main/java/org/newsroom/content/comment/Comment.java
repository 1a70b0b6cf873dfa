package org.newsroom.content.comment;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    /** What readers may see of a thread: published comments and tombstones. */
    static final List<CommentStatus> READER_VISIBLE = List.of(CommentStatus.PUBLISHED, CommentStatus.DELETED);

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "article_id")
    public Long articleId;

    @Column(name = "parent_id")
    public Long parentId;

    /** The top-level comment of the thread; null for a top-level comment itself. */
    @Column(name = "root_id")
    public Long rootId;

    @Column(name = "author_name")
    public String authorName;

    @Column(name = "author_email")
    public String authorEmail;

    public String body;
    public CommentStatus status = CommentStatus.PUBLISHED;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "edited_at")
    public Instant editedAt;

    @Column(name = "editable_until")
    public Instant editableUntil;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Version
    public long version;

    @Column(name = "token_hash")
    public byte[] tokenHash;

    @Column(name = "client_address")
    public String clientAddress;

    @Column(name = "reply_count")
    public int replyCount;

    @Column(name = "report_count")
    public int reportCount;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    public long threadRootId() {
        return rootId != null ? rootId : id;
    }

    public static Optional<Comment> findVisibleToReaders(long id) {
        return find("id = ?1 and status in ?2", id, READER_VISIBLE).firstResultOptional();
    }

    /** A page of top-level comments after the keyset position, one more than asked to tell if more follow. */
    public static List<Comment> pageTopLevel(long articleId, boolean newestFirst, Instant afterCreatedAt,
            Long afterId, int rows) {
        return page("articleId = :owner and parentId is null", articleId, newestFirst, afterCreatedAt, afterId, rows);
    }

    /** A page of the replies under a top-level comment, oldest first. */
    public static List<Comment> pageReplies(long rootId, Instant afterCreatedAt, Long afterId, int rows) {
        return page("rootId = :owner", rootId, false, afterCreatedAt, afterId, rows);
    }

    private static List<Comment> page(String owner, long ownerId, boolean newestFirst, Instant afterCreatedAt,
            Long afterId, int rows) {
        String beyond = newestFirst ? "<" : ">";
        String direction = newestFirst ? "desc" : "asc";
        String keyset = afterId == null
                ? ""
                : " and (createdAt " + beyond + " :key or (createdAt = :key and id " + beyond + " :afterId))";
        var query = getEntityManager().createQuery("from Comment where " + owner + " and status in :visible" + keyset
                + " order by createdAt " + direction + ", id " + direction, Comment.class)
                .setParameter("owner", ownerId).setParameter("visible", READER_VISIBLE).setMaxResults(rows);
        if (afterId != null) {
            query.setParameter("key", afterCreatedAt).setParameter("afterId", afterId);
        }
        return query.getResultList();
    }

    /** Counts a new published reply on its thread's top-level comment, in the database (no read-modify-write race). */
    public static void countReply(long rootId, Instant now) {
        update("replyCount = replyCount + 1, version = version + 1, updatedAt = ?2 where id = ?1", rootId, now);
    }
}
