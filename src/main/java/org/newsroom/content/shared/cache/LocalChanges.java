package org.newsroom.content.shared.cache;

import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * The writes of this instance, made stale in its own cache the moment they commit, before the write is answered: a
 * client that writes and then reads through the same instance reads what it wrote. (Every instance, this one too, also
 * learns of the change from PostgreSQL's notification, a few milliseconds later: that is what reaches the others.)
 * Services call it inside their transaction; nothing happens if the transaction rolls back.
 */
@ApplicationScoped
public class LocalChanges {

    private static final Object KEY = LocalChanges.class;

    private final TransactionSynchronizationRegistry transactions;
    private final RepresentationCache cache;
    private final Event<ContentChange> changes;

    public LocalChanges(TransactionSynchronizationRegistry transactions, RepresentationCache cache,
            Event<ContentChange> changes) {
        this.transactions = transactions;
        this.cache = cache;
        this.changes = changes;
    }

    /** An article, or one of its blocks, is being changed. */
    public void article(long articleId) {
        pending().articles.add(articleId);
    }

    /** One of an article's comments is being changed. */
    public void commentsOf(long articleId) {
        pending().comments.add(articleId);
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(KEY);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(KEY, pending);
            transactions.registerInterposedSynchronization(pending);
        }
        return pending;
    }

    private final class Pending implements Synchronization {

        final Set<Long> articles = new HashSet<>();
        final Set<Long> comments = new HashSet<>();

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                articles.forEach(cache::articleChanged);
                comments.forEach(cache::commentsChanged);
                // The live comment streams of this instance look at once, before PostgreSQL's notification comes.
                articles.forEach(id -> changes.fire(new ContentChange(ContentChange.Kind.ARTICLE, id)));
                comments.forEach(id -> changes.fire(new ContentChange(ContentChange.Kind.COMMENTS, id)));
            }
        }
    }
}
