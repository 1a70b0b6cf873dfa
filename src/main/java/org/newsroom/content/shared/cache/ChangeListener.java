package org.newsroom.content.shared.cache;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;

import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.metrics.ServiceMetrics;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.postgresql.PGProperty;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * Listens to PostgreSQL's {@code content_changes} notifications (migration V8: triggers on articles, blocks and
 * comments, so every writer is heard, SQL run by hand too) and makes what they name stale in the representation cache.
 * <p>
 * It holds one connection of its own, outside the pool, made from the same JDBC URL, user and password (so TLS and
 * every other URL setting apply), named {@code news-content cache listener <pid>} in {@code pg_stat_activity}. pgjdbc
 * waits for notifications on it ({@code PGConnection.getNotifications(timeout)}); when none comes for
 * {@code content.cache.listener-check} it runs {@code SELECT 1}, so a connection that stopped answering is found
 * within that plus the socket timeout. When the connection fails, what was missed cannot be known: the cache drops
 * everything and serves nothing until this listens again, which it retries every second.
 * (The Vert.x PostgreSQL client's {@code PgSubscriber} would reconnect too, but would need a second driver and its
 * own reading of the URL; pgjdbc is already here and takes the URL as the pool does.)
 */
@Singleton
public class ChangeListener {

    static final String CHANNEL = "content_changes";
    private static final Logger LOG = Logger.getLogger(ChangeListener.class);
    private static final Duration RETRY_EVERY = Duration.ofSeconds(1);
    private static final Duration LOG_STATISTICS_EVERY = Duration.ofMinutes(5);
    private static final int SOCKET_TIMEOUT_SECONDS = 10;

    private final RepresentationCache cache;
    private final Event<ContentChange> changes;
    private final Duration check;
    private final ServiceMetrics metrics;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private volatile boolean running;
    private volatile Connection connection;
    private Thread thread;

    public ChangeListener(RepresentationCache cache, Event<ContentChange> changes, ContentConfig config,
            ServiceMetrics metrics, @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
            @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
            @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.changes = changes;
        this.check = config.cache().listenerCheck();
        this.metrics = metrics;
        // Registered here, where the cache's life is managed: read at each scrape.
        metrics.representationCache(cache::statistics);
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /** The name the listening connection has in {@code pg_stat_activity}: this process's id tells instances apart. */
    public static String applicationName() {
        return "news-content cache listener " + ProcessHandle.current().pid();
    }

    /**
     * Listens even when the representation cache is off: the live comment streams (comment/live) learn from the same
     * notifications what changed on other instances ({@link ContentChange}).
     */
    void start(@Observes StartupEvent started) {
        running = true;
        thread = new Thread(this::listen, "cache-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent stopping) {
        running = false;
        Connection current = connection;
        if (current != null) {
            try {
                current.close();
            } catch (SQLException e) {
                // Closing anyway.
            }
        }
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void listen() {
        boolean failedBefore = false;
        long lastLog = System.nanoTime();
        RepresentationCache.Statistics logged = null;
        while (running) {
            try (Connection listening = connect(); Statement statement = listening.createStatement()) {
                connection = listening;
                statement.execute("LISTEN " + CHANNEL);
                cache.listening(true);
                // What was announced while nobody listened is unknown: followers look again at everything.
                changes.fire(ContentChange.everything());
                if (failedBefore) {
                    metrics.listenerReconnected();
                    LOG.info("Listening to PostgreSQL's change notifications again: the representation cache serves");
                    failedBefore = false;
                }
                PGConnection notifications = listening.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications((int) check.toMillis());
                    if (received == null || received.length == 0) {
                        statement.execute("SELECT 1");
                    } else {
                        for (PGNotification notification : received) {
                            metrics.notificationReceived();
                            apply(notification.getParameter());
                        }
                    }
                    if (System.nanoTime() - lastLog > LOG_STATISTICS_EVERY.toNanos()) {
                        cache.pruneChangeRecords();
                        RepresentationCache.Statistics now = cache.statistics();
                        if (!now.equals(logged)) {
                            RepresentationCache.log(now);
                            logged = now;
                        }
                        lastLog = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                cache.listening(false);
                if (running && !failedBefore) {
                    LOG.warnf("Not listening to PostgreSQL's change notifications (%s): the representation cache is"
                            + " dropped and serves nothing until it listens again", e.getMessage());
                    failedBefore = true;
                }
            } finally {
                connection = null;
            }
            pause();
        }
        cache.listening(false);
    }

    /** A payload of migration V8: {@code a:<article id>}, {@code c:<article id>} or {@code *}. */
    void apply(String payload) {
        ContentChange change = parse(payload);
        switch (change.kind()) {
            case ARTICLE -> cache.articleChanged(change.articleId());
            case COMMENTS -> cache.commentsChanged(change.articleId());
            case EVERYTHING -> cache.everythingChanged();
        }
        changes.fire(change);
    }

    static ContentChange parse(String payload) {
        try {
            if (payload.startsWith("a:")) {
                return new ContentChange(ContentChange.Kind.ARTICLE, Long.parseLong(payload.substring(2)));
            }
            if (payload.startsWith("c:")) {
                return new ContentChange(ContentChange.Kind.COMMENTS, Long.parseLong(payload.substring(2)));
            }
        } catch (NumberFormatException e) {
            // Not ours: treated as anything changing, below.
        }
        return ContentChange.everything();
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        user.ifPresent(name -> properties.setProperty(PGProperty.USER.getName(), name));
        password.ifPresent(secret -> properties.setProperty(PGProperty.PASSWORD.getName(), secret));
        properties.setProperty(PGProperty.APPLICATION_NAME.getName(), applicationName());
        properties.setProperty(PGProperty.CONNECT_TIMEOUT.getName(), "2");
        properties.setProperty(PGProperty.SOCKET_TIMEOUT.getName(), Integer.toString(SOCKET_TIMEOUT_SECONDS));
        properties.setProperty(PGProperty.TCP_KEEP_ALIVE.getName(), "true");
        Connection made = new org.postgresql.Driver().connect(url, properties);
        if (made == null) {
            throw new SQLException("quarkus.datasource.jdbc.url is not a PostgreSQL JDBC URL");
        }
        made.setAutoCommit(true);
        return made;
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_EVERY.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}
