package org.newsroom.content.shared.cache;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.config.ContentConfig;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Public representations in memory (README: The representation cache), and what makes them stale.
 * <p>
 * Staleness is decided by counting changes, never by scanning entries: every change this instance learns of (a
 * notification from PostgreSQL, or a write of its own as it commits) takes the next number of {@link #changes} and
 * records it against what changed: an article, an article's comments, or everything. A representation remembers the
 * number current when the request that built it <em>started</em>, before it read anything; it is stale once anything it
 * depends on has a later number. So a representation built from rows read just before a change committed, and stored
 * just after the change was announced, is never served; and an invalidation costs one map write whatever the size of
 * the cache. Stale entries are removed when found, or leave by age and size.
 * <p>
 * While the instance does not listen to PostgreSQL (at start, and after its listening connection dropped until it
 * listens again) it cannot know what changes, so nothing is served from memory and nothing is stored.
 */
@ApplicationScoped
public class RepresentationCache {

    private static final Logger LOG = Logger.getLogger(RepresentationCache.class);
    /** A request that took longer than this stores nothing: the change records it would be checked against are gone. */
    private static final Duration LONGEST_BUILD = Duration.ofMinutes(1);

    /** Where a change record stands: its number, and when it was made (for pruning). */
    private record Change(long number, long atNanos) {
    }

    /** The next scheduled publication as last read, for requests that started at or after {@code from}. */
    private record NextGoLive(long readAfterChange, Instant from, Instant at) {
    }

    private final boolean enabled;
    private final String publicCacheControl;
    private final Duration maxAge;
    private final Clock clock;
    private final Cache<CacheKey, CachedAnswer> answers;
    private final AtomicLong changes = new AtomicLong();
    private final ConcurrentHashMap<Long, Change> articleChanged = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Long, Change> commentsChanged = new ConcurrentHashMap<>();
    private volatile long publishedArticlesChanged;
    private volatile long everythingChanged;
    private volatile boolean listening;
    private volatile NextGoLive nextGoLive;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder stored = new LongAdder();

    public RepresentationCache(ContentConfig config, Clock clock) {
        ContentConfig.Cache settings = config.cache();
        this.enabled = settings.enabled();
        this.publicCacheControl = settings.published();
        this.maxAge = settings.maxAge();
        this.clock = clock;
        this.answers = Caffeine.newBuilder().maximumWeight(settings.maxSize().asLongValue())
                .weigher((CacheKey key, CachedAnswer answer) -> answer.weight())
                .expireAfterWrite(settings.maxAge()).recordStats().build();
    }

    /** Whether this instance serves from memory now: the cache is on and PostgreSQL's notifications reach it. */
    public boolean serving() {
        return enabled && listening;
    }

    public boolean enabled() {
        return enabled;
    }

    /** Whether a {@code Cache-Control} value is the one of public representations (content.cache.published). */
    boolean isPublic(String cacheControl) {
        return publicCacheControl.equals(cacheControl);
    }

    /** A request may store what it builds: remember where the changes stood before it reads anything. */
    Ticket ticket(CacheKey key) {
        return new Ticket(key, changes.get(), System.nanoTime(), clock.instant());
    }

    /** The representation stored under {@code key} if it is still current, else null (and it is removed). */
    CachedAnswer find(CacheKey key) {
        if (!serving()) {
            return null;
        }
        CachedAnswer answer = answers.getIfPresent(key);
        if (answer == null) {
            misses.increment();
            return null;
        }
        if (!current(answer)) {
            answers.asMap().remove(key, answer);
            misses.increment();
            return null;
        }
        hits.increment();
        return answer;
    }

    /** Keeps what a request built, unless something it depends on changed since the request started. */
    void store(Ticket ticket, CachedAnswer answer) {
        if (!serving() || System.nanoTime() - ticket.startedNanos() > LONGEST_BUILD.toNanos() || !current(answer)) {
            return;
        }
        answers.put(ticket.key(), answer);
        // A change announced between the check above and the put is seen here (it is recorded before anything else).
        if (!serving() || !current(answer)) {
            answers.asMap().remove(ticket.key(), answer);
            return;
        }
        stored.increment();
    }

    /** An article, or one of its blocks, changed: its representations and every list are stale. */
    public void articleChanged(long articleId) {
        long number = changes.incrementAndGet();
        articleChanged.merge(articleId, new Change(number, System.nanoTime()), RepresentationCache::later);
        publishedArticlesChanged = number;
    }

    /** One of an article's comments changed: the article's comment pages are stale. */
    public void commentsChanged(long articleId) {
        long number = changes.incrementAndGet();
        commentsChanged.merge(articleId, new Change(number, System.nanoTime()), RepresentationCache::later);
    }

    /** Everything is stale: memory is freed at once. */
    public void everythingChanged() {
        everythingChanged = changes.incrementAndGet();
        answers.invalidateAll();
    }

    /** The listener tells whether notifications reach this instance; either way, what it had may be stale. */
    void listening(boolean now) {
        if (!now) {
            listening = false;
        }
        everythingChanged();
        listening = now;
    }

    /**
     * When the first article scheduled after the request of {@code ticket} started goes live, reading it with
     * {@code read} only when the last reading does not answer for this request (an article changed since, or it went
     * live): a list built by that request is stale from then on.
     */
    Optional<Instant> nextGoLive(Ticket ticket, ScheduledArticles read) {
        NextGoLive known = nextGoLive;
        if (known != null && known.readAfterChange() >= publishedArticlesChanged
                && known.readAfterChange() <= ticket.builtAt() && !ticket.startedAt().isBefore(known.from())
                && (known.at() == null || ticket.startedAt().isBefore(known.at()))) {
            return Optional.ofNullable(known.at());
        }
        Instant at = read.nextAfter(ticket.startedAt()).orElse(null);
        nextGoLive = new NextGoLive(ticket.builtAt(), ticket.startedAt(), at);
        return Optional.ofNullable(at);
    }

    private boolean current(CachedAnswer answer) {
        long builtAt = answer.builtAt();
        if (everythingChanged > builtAt) {
            return false;
        }
        Dependency dependency = answer.dependency();
        boolean unchanged = switch (dependency.scope()) {
            case ARTICLE -> changedAt(articleChanged, dependency.articleId()) <= builtAt;
            case COMMENTS -> changedAt(articleChanged, dependency.articleId()) <= builtAt
                    && changedAt(commentsChanged, dependency.articleId()) <= builtAt;
            case PUBLISHED_ARTICLES -> publishedArticlesChanged <= builtAt;
            case EVERYTHING -> changes.get() <= builtAt;
        };
        return unchanged && (answer.validUntil() == null || clock.instant().isBefore(answer.validUntil()));
    }

    /**
     * Forgets change records older than any entry can be (its age is bounded by {@code content.cache.max-age}, and
     * the request that built it by {@link #LONGEST_BUILD}), so that the records do not grow with the number of articles.
     */
    void pruneChangeRecords() {
        long horizon = System.nanoTime() - maxAge.plus(LONGEST_BUILD).plusMinutes(1).toNanos();
        articleChanged.values().removeIf(change -> change.atNanos() - horizon < 0);
        commentsChanged.values().removeIf(change -> change.atNanos() - horizon < 0);
    }

    /**
     * How many changes this instance has learnt of so far (its own commits, PostgreSQL's notifications): a test that
     * sends a notification of its own knows all earlier ones arrived once this has moved past it.
     */
    public long changesSeen() {
        return changes.get();
    }

    /** Counts for the log (ChangeListener, every five minutes) and /q/health/ready (RepresentationCacheHealth). */
    public Statistics statistics() {
        var caffeine = answers.stats();
        long bytes = answers.policy().eviction().flatMap(eviction -> eviction.weightedSize().stream().boxed()
                .findFirst()).orElse(0L);
        return new Statistics(serving(), hits.sum(), misses.sum(), stored.sum(), caffeine.evictionCount(),
                answers.estimatedSize(), bytes);
    }

    public record Statistics(boolean serving, long hits, long misses, long stored, long evictions, long entries,
            long bytes) {

        @Override
        public String toString() {
            return (serving ? "serving" : "not serving") + ": " + hits + " hits, " + misses + " misses, " + stored
                    + " stored, " + evictions + " evicted, " + entries + " entries, " + bytes / 1024 + " KiB";
        }
    }

    private static long changedAt(ConcurrentHashMap<Long, Change> records, long articleId) {
        Change change = records.get(articleId);
        return change == null ? 0 : change.number();
    }

    private static Change later(Change a, Change b) {
        return a.number() >= b.number() ? a : b;
    }

    static void log(Statistics statistics) {
        LOG.infof("Representation cache %s", statistics);
    }
}
