package org.newsroom.content.comment.live;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;

import org.jboss.logging.Logger;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.cache.ContentChange;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.error.ErrorCode;
import org.newsroom.content.shared.error.RetryLaterException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.ShutdownDelayInitiatedEvent;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

/**
 * This instance's live comment streams, grouped by article. A change to an article's comments (PostgreSQL's
 * notification from any instance, or this instance's own commit: {@link ContentChange}) makes the group look once at
 * the outbox after the earliest position any of its streams stands at (one statement, {@link OutboxReads#after}),
 * and each stream gets what lies after its own position. Events go out in {@code (tx, id)} order and only up to the
 * horizon (every transaction that could still add an earlier event has ended); while a committed event waits behind
 * an older running transaction the group looks again every {@code content.comments.stream.recheck}. Every heartbeat
 * the groups look again too: that finds a comment period that has ended, and anything a lost notification hid.
 * <p>
 * The database work runs on this hub's own two threads, never on the event loop nor on a request's worker.
 */
@Singleton
public class CommentStreamHub {

    private static final Logger LOG = Logger.getLogger(CommentStreamHub.class);
    /** Events read per statement; a group with more waiting looks again at once. */
    static final int BATCH = 200;
    /** After a failed look (the database away), the next one. */
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);
    /** How long a client refused for the caps is asked to wait. */
    static final long RETRY_AFTER_SECONDS = 30;
    /** The browser's reconnection delay after a stream ends or breaks ({@code retry:}). */
    private static final long RECONNECT_MILLIS = 2000;

    private final OutboxReads reads;
    private final ObjectMapper json;
    private final Clock clock;
    private final ContentConfig.Comments.Stream settings;
    private final Duration closeAfter;
    private final ScheduledExecutorService executor;
    private final Map<Long, ArticleStreams> articles = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();
    private final AtomicInteger open = new AtomicInteger();
    /** Set when the instance starts to stop: streams opened from then on end at once. */
    private volatile boolean stopping;

    public CommentStreamHub(OutboxReads reads, ObjectMapper json, Clock clock, ContentConfig config) {
        this.reads = reads;
        this.json = json;
        this.clock = clock;
        this.settings = config.comments().stream();
        this.closeAfter = config.comments().closeAfter();
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newScheduledThreadPool(2, work -> {
            Thread thread = new Thread(work, "comment-streams-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        long heartbeat = settings.heartbeat().toMillis();
        executor.scheduleAtFixedRate(this::heartbeat, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    }

    /**
     * Opens a stream of the article's comment events for {@code client}, from {@code lastEventId} when the client
     * resumes (within the replay limit and what the outbox holds; else a {@code reload} event and from now) or from
     * now. Blocking (one statement): call it from a worker thread. A 429 problem beyond the caps.
     */
    public Multi<OutboundSseEvent> open(long articleId, Optional<StreamPosition> lastEventId, String client, Sse sse) {
        reserve(client);
        boolean handedOver = false;
        try {
            int limit = settings.replayLimit();
            StreamPosition asked = lastEventId.orElse(new StreamPosition(Long.MAX_VALUE, 0));
            OutboxReads.Opening opening = reads.opening(articleId, asked, limit + 1);
            StreamPosition now = StreamPosition.horizon(opening.horizon());
            String reload = null;
            StreamPosition start = now;
            if (lastEventId.isPresent()) {
                if (opening.oldestTx() != null && asked.tx() < opening.oldestTx()) {
                    reload = "purged";
                } else if (opening.behind() > limit) {
                    reload = "behind";
                } else {
                    start = asked;
                }
            }
            String reason = reload;
            StreamPosition from = start;
            Multi<OutboundSseEvent> events = Multi.createFrom().<OutboundSseEvent>emitter(
                    emitter -> register(new LiveStream(articleId, client, emitter, sse, from), reason),
                    BackPressureStrategy.BUFFER);
            handedOver = true;
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not open the comment stream", e);
        } finally {
            if (!handedOver) {
                release(client);
            }
        }
    }

    /** Streams open on this instance (for tests and logs). */
    public int openStreams() {
        return open.get();
    }

    void changed(@Observes ContentChange change) {
        if (change.kind() == ContentChange.Kind.EVERYTHING) {
            articles.values().forEach(this::look);
        } else {
            ArticleStreams group = articles.get(change.articleId());
            if (group != null) {
                look(group);
            }
        }
    }

    /**
     * The instance starts to stop (SIGTERM; quarkus.shutdown.delay-enabled): every stream ends now. A stream is a
     * request in flight, which the graceful shutdown would otherwise wait for until its timeout; the browser reconnects
     * after its retry delay, by then to another instance. A stream opened during the delay ends at once the same way.
     */
    void stopping(@Observes ShutdownDelayInitiatedEvent stopping) {
        this.stopping = true;
        endAll();
    }

    void stop(@Observes ShutdownEvent stopping) {
        this.stopping = true;
        endAll();
        executor.shutdownNow();
    }

    private void endAll() {
        articles.values().forEach(group -> group.streams.forEach(stream -> stream.close("shutdown")));
    }

    // ---- caps

    private void reserve(String client) {
        if (open.incrementAndGet() > settings.maxPerInstance()) {
            open.decrementAndGet();
            throw new RetryLaterException(ErrorCode.TOO_MANY_STREAMS,
                    "This instance serves as many live streams as it may (content.comments.stream.max-per-instance)",
                    RETRY_AFTER_SECONDS);
        }
        AtomicInteger mine = perClient.computeIfAbsent(client, key -> new AtomicInteger());
        if (mine.incrementAndGet() > settings.maxPerClient()) {
            release(client);
            throw new RetryLaterException(ErrorCode.TOO_MANY_STREAMS, "This client has "
                    + settings.maxPerClient() + " live streams open already: close one first", RETRY_AFTER_SECONDS);
        }
    }

    private void release(String client) {
        open.decrementAndGet();
        perClient.computeIfPresent(client, (key, count) -> count.decrementAndGet() <= 0 ? null : count);
    }

    // ---- streams and their groups

    private void register(LiveStream stream, String reload) {
        stream.emitter.onTermination(() -> unregister(stream));
        stream.opened(reload);
        ArticleStreams group = articles.compute(stream.articleId, (id, existing) -> {
            ArticleStreams streams = existing == null ? new ArticleStreams(id) : existing;
            streams.streams.add(stream);
            return streams;
        });
        if (stopping) {
            stream.close("shutdown");
            return;
        }
        // What happened since the opening statement, and the replay after Last-Event-ID.
        look(group);
    }

    private void unregister(LiveStream stream) {
        if (stream.released.compareAndSet(false, true)) {
            articles.computeIfPresent(stream.articleId, (id, group) -> {
                group.streams.remove(stream);
                return group.streams.isEmpty() ? null : group;
            });
            release(stream.client);
        }
    }

    private void heartbeat() {
        try {
            for (ArticleStreams group : articles.values()) {
                group.streams.forEach(LiveStream::heartbeat);
                look(group);
            }
        } catch (RuntimeException e) {
            LOG.warn("Comment stream heartbeat failed", e);
        }
    }

    /** Makes the group look at the outbox once more: now, or right after the look that is running. */
    private void look(ArticleStreams group) {
        synchronized (group) {
            if (group.looking) {
                group.again = true;
                return;
            }
            group.looking = true;
        }
        try {
            executor.execute(() -> lookNow(group));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down.
        }
    }

    private void lookNow(ArticleStreams group) {
        boolean again = false;
        Duration later = null;
        try {
            List<LiveStream> streams = List.copyOf(group.streams);
            if (!streams.isEmpty()) {
                StreamPosition from = streams.stream().map(LiveStream::position).min(Comparator.naturalOrder())
                        .orElseThrow();
                OutboxReads.Batch batch = reads.after(group.articleId, from, BATCH);
                Optional<String> closed = closed(batch.article());
                if (closed.isPresent()) {
                    streams.forEach(stream -> stream.close(closed.get()));
                } else {
                    List<Sent> sent = new ArrayList<>();
                    for (OutboxReads.Event event : batch.events()) {
                        sent.add(new Sent(event.position(), translate(event)));
                    }
                    boolean full = batch.events().size() >= BATCH;
                    StreamPosition reached = full
                            ? sent.get(sent.size() - 1).position()
                            : StreamPosition.horizon(batch.horizon());
                    streams.forEach(stream -> stream.deliver(sent, reached));
                    again = full;
                    if (batch.heldBack()) {
                        later = settings.recheck();
                    }
                }
            }
        } catch (SQLException | RuntimeException e) {
            LOG.debugf(e, "Comment streams of article %d could not look at the outbox", group.articleId);
            later = RETRY_AFTER_FAILURE;
        } finally {
            synchronized (group) {
                group.looking = false;
                again |= group.again;
                group.again = false;
            }
        }
        if (again) {
            look(group);
        } else if (later != null) {
            schedule(group, later);
        }
    }

    private void schedule(ArticleStreams group, Duration after) {
        try {
            executor.schedule(() -> look(group), after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down.
        }
    }

    /** Why the article's comments can no longer be followed, if they cannot (the rules of posting a comment). */
    private Optional<String> closed(OutboxReads.ArticleState article) {
        Instant now = Time.now(clock);
        if (article == null || !article.exists() || !"published".equals(article.status())
                || article.publishedAt() == null || article.publishedAt().isAfter(now)) {
            return Optional.of("unpublished");
        }
        if (!article.commentsOpen() || article.publishedAt().plus(closeAfter).isBefore(now)) {
            return Optional.of("comments-closed");
        }
        return Optional.empty();
    }

    /**
     * What readers see of one outbox event: a comment that is visible now ({@code comment}, its current public JSON),
     * one that left their view ({@code removed}), and the reply count of a thread a reply entered or left
     * ({@code replies}). A held comment's words are never sent: the current row must be published.
     */
    private List<Frame> translate(OutboxReads.Event event) {
        boolean published = "published".equals(event.status()) && !"comment.deleted".equals(event.type());
        boolean wasPublished = "published".equals(event.previousStatus());
        List<Frame> frames = new ArrayList<>();
        if (published) {
            if (event.comment() != null && "published".equals(event.comment().status())) {
                frames.add(new Frame("comment", write(event.comment())));
            }
        } else if (wasPublished || "comment.deleted".equals(event.type())) {
            frames.add(new Frame("removed", write(new Removed(event.commentId()))));
        }
        boolean reply = event.rootId() != null && event.rootId() != event.commentId();
        if (reply && published != wasPublished && event.rootReplyCount() != null) {
            frames.add(new Frame("replies", write(new Replies(event.rootId(), event.rootReplyCount()))));
        }
        return frames;
    }

    private String write(Object data) {
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    record Removed(long id) {
    }

    record Replies(long id, int replyCount) {
    }

    record Closed(String reason) {
    }

    record Reload(String reason) {
    }

    /** One SSE event to send: its name and JSON data. */
    record Frame(String name, String data) {
    }

    /** The frames of one outbox event, at its position. */
    record Sent(StreamPosition position, List<Frame> frames) {
    }

    private static final class ArticleStreams {

        final long articleId;
        final Set<LiveStream> streams = ConcurrentHashMap.newKeySet();
        boolean looking;
        boolean again;

        ArticleStreams(long articleId) {
            this.articleId = articleId;
        }
    }

    /** One client's stream: its position, and the emitter its events go out through, one at a time. */
    private final class LiveStream {

        final long articleId;
        final String client;
        final MultiEmitter<? super OutboundSseEvent> emitter;
        final Sse sse;
        final AtomicBoolean released = new AtomicBoolean();
        private StreamPosition position;
        private boolean ended;

        LiveStream(long articleId, String client, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse,
                StreamPosition position) {
            this.articleId = articleId;
            this.client = client;
            this.emitter = emitter;
            this.sse = sse;
            this.position = position;
        }

        synchronized StreamPosition position() {
            return position;
        }

        /** The first lines: the reconnection delay and the position (an id without data moves Last-Event-ID). */
        synchronized void opened(String reload) {
            OutboundSseEvent.Builder ready = sse.newEventBuilder().comment("ready").reconnectDelay(RECONNECT_MILLIS);
            if (reload == null) {
                ready.id(position.wire());
            }
            emitter.emit(ready.build());
            if (reload != null) {
                emitter.emit(event("reload", write(new Reload(reload)), position.wire()));
            }
        }

        synchronized void deliver(List<Sent> sent, StreamPosition reached) {
            if (ended) {
                return;
            }
            for (Sent one : sent) {
                if (!one.position().isAfter(position)) {
                    continue;
                }
                List<Frame> frames = one.frames();
                for (int i = 0; i < frames.size(); i++) {
                    // Only the last frame of an event carries its position: a client that lost the connection
                    // between two frames of one event is sent the event again.
                    String id = i == frames.size() - 1 ? one.position().wire() : null;
                    emitter.emit(event(frames.get(i).name(), frames.get(i).data(), id));
                }
                position = one.position();
            }
            position = StreamPosition.max(position, reached);
        }

        synchronized void heartbeat() {
            if (!ended) {
                emitter.emit(sse.newEventBuilder().comment("heartbeat").id(position.wire()).build());
            }
        }

        synchronized void close(String reason) {
            if (ended) {
                return;
            }
            ended = true;
            if (!"shutdown".equals(reason)) {
                emitter.emit(event("closed", write(new Closed(reason)), null));
            }
            emitter.complete();
        }

        private OutboundSseEvent event(String name, String data, String id) {
            OutboundSseEvent.Builder builder = sse.newEventBuilder().name(name).data(String.class, data);
            if (id != null) {
                builder.id(id);
            }
            return builder.build();
        }
    }
}
