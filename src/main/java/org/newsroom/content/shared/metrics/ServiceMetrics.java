package org.newsroom.content.shared.metrics;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.newsroom.content.shared.cache.RepresentationCache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The service's own counters, in one place so that one file lists every name and every tag value (README: Operating
 * it, Metrics). Tags take only the fixed values named here, never an id, a slug, an address or a text: the number of
 * series stays the same however much content there is. Counted when the work is done in the transaction; a
 * transaction that fails to commit after that is counted too (rare, and metrics are not the record: the database is).
 * <p>
 * Every counter is registered once, here, with each of its tag values: a scrape shows every series from the start (at
 * zero), and counting is an increment, not a registry lookup.
 */
@ApplicationScoped
public class ServiceMetrics {

    private final Counter commentsPublished;
    private final Counter commentsHeld;
    private final Counter commentsRateLimited;
    private final Counter reportsRateLimited;
    private final Counter idempotentReplays;
    private final Counter reportsFiled;
    private final Counter reportsRepeated;
    private final Counter notifications;
    private final Counter listenerReconnects;
    private final Counter searches;
    private final Map<String, Counter> moderationDecisions;
    private final Map<String, Counter> feeds;
    private final Map<String, Counter> webhookAttempts;
    private final MeterRegistry registry;

    /** Every value each tag can take. */
    static final List<String> MODERATION_ACTIONS = List.of("approve", "reject", "spam", "delete");
    static final List<String> FEED_KINDS = List.of("rss", "atom", "json");
    static final List<String> WEBHOOK_OUTCOMES = List.of("delivered", "retrying", "failed");

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.commentsPublished = posted("published");
        this.commentsHeld = posted("held");
        this.commentsRateLimited = rateLimited("comments");
        this.reportsRateLimited = rateLimited("reports");
        this.idempotentReplays = Counter.builder("content.idempotency.replays")
                .description("Writes answered from an earlier answer to the same Idempotency-Key").register(registry);
        this.reportsFiled = reports("filed");
        this.reportsRepeated = reports("repeated");
        this.notifications = Counter.builder("content.cache.notifications")
                .description("PostgreSQL change notifications received (from every instance's writes)")
                .register(registry);
        this.listenerReconnects = Counter.builder("content.cache.listener.reconnects")
                .description("Times the change listener listened again after losing its connection")
                .register(registry);
        this.searches = Counter.builder("content.searches").description("Searches run against the database")
                .register(registry);
        this.moderationDecisions = byTag(MODERATION_ACTIONS, action -> Counter.builder("content.moderation.decisions")
                .description("Moderators' decisions, by action").tag("action", action).register(registry));
        this.feeds = byTag(FEED_KINDS, kind -> Counter.builder("content.feeds")
                .description("Feeds built from the database, by kind").tag("kind", kind).register(registry));
        this.webhookAttempts = byTag(WEBHOOK_OUTCOMES, outcome -> Counter.builder("content.webhooks.attempts")
                .description("Webhook delivery attempts, by outcome").tag("outcome", outcome).register(registry));
    }

    /**
     * The representation cache's counts, read when scraped: hits, misses, answers stored, evictions (FunctionCounters
     * over its own counters), and its entries and bytes (gauges).
     */
    public void representationCache(Supplier<RepresentationCache.Statistics> statistics) {
        cacheCounter("hits", "Public reads answered from memory", statistics, RepresentationCache.Statistics::hits);
        cacheCounter("misses", "Public reads the cache could not answer", statistics,
                RepresentationCache.Statistics::misses);
        cacheCounter("stores", "Answers kept", statistics, RepresentationCache.Statistics::stored);
        cacheCounter("evictions", "Answers dropped to stay within the size", statistics,
                RepresentationCache.Statistics::evictions);
        Gauge.builder("content.cache.entries", statistics, read -> read.get().entries())
                .description("Answers kept now").register(registry);
        Gauge.builder("content.cache.size", statistics, read -> read.get().bytes()).baseUnit("bytes")
                .description("Bytes the kept answers take").register(registry);
        Gauge.builder("content.cache.serving", statistics, read -> read.get().serving() ? 1 : 0)
                .description("1 while the cache serves (its listener listens), else 0").register(registry);
    }

    public void notificationReceived() {
        notifications.increment();
    }

    public void listenerReconnected() {
        listenerReconnects.increment();
    }

    /**
     * The webhook backlog, as last measured: events waiting to be fanned out to subscriptions, and deliveries not
     * yet delivered (waiting for a first attempt or a retry).
     */
    public void webhookBacklog(Supplier<Number> events, Supplier<Number> deliveries) {
        Gauge.builder("content.outbox.backlog", events, read -> read.get().doubleValue())
                .description("Deliverable outbox events not yet fanned out to webhook subscriptions")
                .register(registry);
        Gauge.builder("content.webhooks.pending", deliveries, read -> read.get().doubleValue())
                .description("Webhook deliveries not yet delivered (first attempt or retry due)").register(registry);
    }

    /** One webhook attempt's outcome: delivered, retrying (it will be tried again) or failed (given up). */
    public void webhookAttempt(String outcome) {
        tagged(webhookAttempts, outcome).increment();
    }

    private void cacheCounter(String what, String description, Supplier<RepresentationCache.Statistics> statistics,
            ToLongFunction<RepresentationCache.Statistics> count) {
        FunctionCounter.builder("content.cache." + what, statistics, read -> count.applyAsLong(read.get()))
                .description(description).register(registry);
    }

    /** A new comment was stored, visible at once or held for a moderator. */
    public void commentPosted(boolean held) {
        (held ? commentsHeld : commentsPublished).increment();
    }

    /** A comment or report refused with a 429 ({@code comments} or {@code reports}). */
    public void rateLimited(boolean reports) {
        (reports ? reportsRateLimited : commentsRateLimited).increment();
    }

    public void idempotentReplay() {
        idempotentReplays.increment();
    }

    /** A reader's report: {@code filed}, or {@code repeated} (this client had reported the comment before). */
    public void report(boolean filed) {
        (filed ? reportsFiled : reportsRepeated).increment();
    }

    /** A moderator's decision: approve, reject, spam, or delete. */
    public void moderationDecision(String action) {
        tagged(moderationDecisions, action).increment();
    }

    /** A search that ran against the database (one the representation cache answered is an HTTP request only). */
    public void search() {
        searches.increment();
    }

    /** A feed built from the database: rss, atom or json. */
    public void feed(Enum<?> kind) {
        tagged(feeds, kind.name().toLowerCase(Locale.ROOT)).increment();
    }

    private static Map<String, Counter> byTag(List<String> values, Function<String, Counter> register) {
        return values.stream().collect(Collectors.toUnmodifiableMap(Function.identity(), register));
    }

    /** The counter of one tag value; a value not listed above is a programming error, not a new series. */
    private static Counter tagged(Map<String, Counter> counters, String value) {
        Counter counter = counters.get(value);
        if (counter == null) {
            throw new IllegalArgumentException(
                    "Not a tag value of this counter: " + value + " (" + counters.keySet() + ")");
        }
        return counter;
    }

    private Counter posted(String outcome) {
        return Counter.builder("content.comments.posted").description("Comments stored, by outcome")
                .tag("outcome", outcome).register(registry);
    }

    private Counter rateLimited(String what) {
        return Counter.builder("content.rate.limited").description("Writes refused by the per-client rate limits")
                .tag("counted", what).register(registry);
    }

    private Counter reports(String outcome) {
        return Counter.builder("content.reports").description("Readers' reports, by outcome").tag("outcome", outcome)
                .register(registry);
    }
}
