package org.newsroom.content.comment;

import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.Version;

import org.newsroom.content.shared.error.ApiException;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "comment")
public class Comment extends PanacheEntityBase {

    /**
     * What readers may see of a thread: published comments, and the tombstones of comments they saw (parameters
     * {@code published} and {@code deleted}).
     */
    private static final String READER_VISIBLE = "(status = :published or (status = :deleted and shownToReaders = true))";

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

    /** Why it waits for a moderator (links, banned-word, repeated, reports, pre-moderation); null otherwise. */
    @Column(name = "held_reason")
    public String heldReason;

    /** Readers saw it (it was published at some time): only then is its tombstone theirs to see. */
    @Column(name = "shown_to_readers")
    public boolean shownToReaders;

    /** A moderator approved it as it reads now: reports alone no longer hold it. The author's edit clears it. */
    public boolean approved;

    /** A new published comment, or a reply under {@code parent} (in its thread); the hold rules may then hold it. */
    static Comment create(long articleId, Comment parent, String authorName, String body, byte[] tokenHash,
            String clientAddress, Instant now, Instant editableUntil) {
        Comment comment = new Comment();
        comment.articleId = articleId;
        if (parent != null) {
            comment.parentId = parent.id;
            comment.rootId = parent.threadRootId();
        }
        comment.authorName = authorName;
        comment.body = body;
        comment.status = CommentStatus.PUBLISHED;
        comment.createdAt = now;
        comment.updatedAt = now;
        comment.editableUntil = editableUntil;
        comment.tokenHash = tokenHash;
        comment.clientAddress = clientAddress;
        return comment;
    }

    /** The comment with this id, whatever its status; a 404 when there is none. */
    public static Comment findExisting(long id) {
        return Comment.<Comment>findByIdOptional(id).orElseThrow(() -> ApiException.notFound("This comment"));
    }

    public long threadRootId() {
        return rootId != null ? rootId : id;
    }

    /** A page of top-level comments after the keyset position, one more than asked to tell if more follow. */
    public static List<Comment> pageTopLevel(long articleId, boolean newestFirst, Instant afterCreatedAt,
            Long afterId, int rows) {
        return page("articleId = :owner and parentId is null", articleId, newestFirst, afterCreatedAt, afterId, rows);
    }

    /** Every reply readers may see under these top-level comments, thread by thread, oldest first: one query. */
    public static List<Comment> listRepliesOf(List<Long> rootIds) {
        if (rootIds.isEmpty()) {
            return List.of();
        }
        return readerVisible(getEntityManager().createQuery(
                "from Comment where rootId in :roots and " + READER_VISIBLE + " order by rootId, createdAt, id",
                Comment.class).setParameter("roots", rootIds)).getResultList();
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
                : " and (createdAt, id) " + beyond + " (:key, :afterId)";
        var query = readerVisible(getEntityManager().createQuery("from Comment where " + owner + " and "
                + READER_VISIBLE + keyset + " order by createdAt " + direction + ", id " + direction, Comment.class))
                .setParameter("owner", ownerId).setMaxResults(rows);
        if (afterId != null) {
            query.setParameter("key", afterCreatedAt).setParameter("afterId", afterId);
        }
        return query.getResultList();
    }

    private static TypedQuery<Comment> readerVisible(TypedQuery<Comment> query) {
        return query.setParameter("published", CommentStatus.PUBLISHED).setParameter("deleted", CommentStatus.DELETED);
    }

    /** Readers may see it: published, or the tombstone of a comment they saw. */
    public boolean isVisibleToReaders() {
        return status == CommentStatus.PUBLISHED || (status == CommentStatus.DELETED && shownToReaders);
    }

    /** A new comment no rule held: readers see it from now on. */
    void show() {
        shownToReaders = true;
    }

    public boolean isHeldBy(byte[] presentedTokenHash) {
        return presentedTokenHash != null && MessageDigest.isEqual(tokenHash, presentedTokenHash);
    }

    /** Holds this comment for a moderator. */
    public void hold(String reason) {
        status = CommentStatus.PENDING;
        heldReason = reason;
    }

    /** A moderator's or the author's verdict; a tombstone keeps its place in the thread but not its words. */
    public void changeStatus(CommentStatus newStatus, Instant now) {
        status = newStatus;
        updatedAt = now;
        if (newStatus == CommentStatus.PUBLISHED) {
            // Approved (only a moderator publishes a comment again): readers see it, the reports so far were weighed,
            // and later ones queue it for another look without holding it, until its author changes it.
            heldReason = null;
            reportCount = 0;
            shownToReaders = true;
            approved = true;
        }
        if (newStatus == CommentStatus.DELETED) {
            authorName = "";
            body = "";
        }
    }

    public void editBody(String newBody, Instant now) {
        body = newBody;
        // What the moderator approved is not what it says now.
        approved = false;
        editedAt = now;
        updatedAt = now;
    }

    /**
     * This reply was published, held or removed: its thread's count of published replies is recounted (after the
     * change is flushed, so the count sees it). A top-level comment has no thread above it.
     */
    public void threadChanged(Instant now) {
        if (rootId != null) {
            flush();
            lockThread(rootId);
            recountReplies(rootId, now);
        }
    }

    /**
     * The comment with this id, locked until the transaction ends: concurrent reports of one comment take turns, so
     * each counts on the count the last one left, and none fails.
     */
    public static Comment findLocked(long id) {
        return findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * Makes the recounts of one thread take turns: after waiting here, a transaction's next statement sees every
     * reply the others committed (under READ COMMITTED a recount that waited only in its own UPDATE would count
     * with the snapshot it took before waiting, and miss them). {@code FOR NO KEY UPDATE} leaves replies free to be
     * inserted meanwhile: their foreign keys take only a key-share lock on the root.
     */
    private static void lockThread(long rootId) {
        getEntityManager().createNativeQuery("SELECT id FROM comment WHERE id = :root FOR NO KEY UPDATE")
                .setParameter("root", rootId).getResultList();
    }

    /** Keeps a thread's count of published replies exact, whatever changed under it. */
    private static void recountReplies(long rootId, Instant now) {
        update("replyCount = (select count(r) from Comment r where r.rootId = ?1 and r.status = ?2),"
                + " version = version + 1, updatedAt = ?3 where id = ?1", rootId, CommentStatus.PUBLISHED, now);
    }

    /**
     * Serialises one client's writes of one kind ({@code "comments from 192.0.2.1"}) for the rest of the transaction,
     * so that concurrent writes count each other.
     */
    public static void lockClient(String lock) {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(hashtextextended(:lock, 0))")
                .setParameter("lock", lock).getSingleResult();
    }

    /**
     * The creation times of this client's comments since {@code since}, newest first, at most {@code max}: what a rate
     * limit needs, read in one statement whose cost is bounded by {@code max} (the client-and-time index), however
     * many comments the client has made.
     */
    public static List<Instant> newestByClientSince(String clientAddress, Instant since, int max) {
        return getEntityManager()
                .createQuery("select createdAt from Comment where clientAddress = :client and createdAt >= :since"
                        + " order by createdAt desc", Instant.class)
                .setParameter("client", clientAddress).setParameter("since", since).setMaxResults(max)
                .getResultList();
    }

    public static boolean existsRepeat(String clientAddress, String body, Instant since) {
        return count("clientAddress = ?1 and md5(body) = md5(?2) and body = ?2 and createdAt >= ?3", clientAddress,
                body, since) > 0;
    }

    /** The moderation queue: comments of one status, or ({@code status == null}) the reported ones still up or held. */
    public static List<Comment> pageQueue(CommentStatus status, Instant afterCreatedAt, Long afterId, int rows) {
        String filter = status == null ? "reportCount > 0 and status in :statuses" : "status = :status";
        String keyset = afterId == null ? "" : " and (createdAt, id) > (:key, :afterId)";
        var query = getEntityManager()
                .createQuery("from Comment where " + filter + keyset + " order by createdAt, id", Comment.class)
                .setMaxResults(rows);
        if (status == null) {
            query.setParameter("statuses", List.of(CommentStatus.PUBLISHED, CommentStatus.PENDING));
        } else {
            query.setParameter("status", status);
        }
        if (afterId != null) {
            query.setParameter("key", afterCreatedAt).setParameter("afterId", afterId);
        }
        return query.getResultList();
    }

    /**
     * Clears the client address of up to {@code batch} comments made before {@code before}; answers how many. The
     * version and updated_at stay: what readers see does not change.
     */
    public static int forgetAddressesBefore(Instant before, int batch) {
        return getEntityManager().createNativeQuery("update comment set client_address = null where id in (select id"
                + " from comment where client_address is not null and created_at < :before limit :batch)")
                .setParameter("before", before).setParameter("batch", batch).executeUpdate();
    }
}
