package org.newsroom.content.shared.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import jakarta.validation.constraints.Size;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code content.} (each also settable from the environment). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    Cache cache();

    Comments comments();

    Search search();

    Limits limits();

    Database database();

    /**
     * The deployment's secret: the keys of stored idempotency answers and the MAC of list cursors derive from it. At
     * least 32 characters ({@code openssl rand -base64 32}), the same on every instance, never committed. Dev mode and
     * tests make one up (shared/dev); production must be given one ({@code CONTENT_SECRET}) or does not start.
     */
    @Size(min = 32, message = "must be at least 32 characters: generate one with openssl rand -base64 32 and give"
            + " every instance the same (CONTENT_SECRET)")
    String secret();

    Privacy privacy();

    /**
     * The public URL of the service's root, as readers reach it ({@code https://news.example}, or with a path when a
     * proxy serves it under one): feeds and text pages link from it, never from the request's {@code Host}. Required
     * in production ({@code CONTENT_PUBLIC_BASE_URL}); dev mode and tests use the request's (shared/web/PublicUrls).
     */
    Optional<String> publicBaseUrl();

    /** How long the service keeps what it needs only for a while (README: Security and privacy). */
    interface Privacy {

        /**
         * Client addresses stored with comments and reports are cleared after this long. At least as long as the
         * longest rule that reads them (the hourly rate limit's hour and {@code content.comments.repeat-window}): the
         * longer of this and those is used.
         */
        @WithDefault("P1D")
        Duration addressRetention();

        /**
         * Reader reports are deleted after this long; what they did stays (a comment's report count and whether it
         * is held).
         */
        @WithDefault("P30D")
        Duration reportRetention();

        /** How often the purge runs (a Quarkus scheduler period: {@code 15m}, {@code 1h}, ...). */
        @WithDefault("15m")
        String purgeEvery();

        /** Rows deleted or cleared per statement by the purge, so that no statement holds many rows at once. */
        @WithDefault("1000")
        int purgeBatchSize();
    }

    Client client();

    Webhooks webhooks();

    /** Signed webhooks delivered from the outbox (webhook/, docs/http-api.md: Webhooks). */
    interface Webhooks {

        /** Whether subscriptions may name {@code http:} URLs; only {@code https:} otherwise (on in dev and tests). */
        @WithDefault("false")
        boolean allowHttp();

        /**
         * Whether subscriptions may reach private, loopback, link-local, unique-local, CGNAT, multicast or unspecified
         * addresses (on in dev and tests, whose receivers listen on loopback).
         */
        @WithDefault("false")
        boolean allowPrivateAddresses();

        /** How often each instance looks for events to fan out and deliveries that are due (a scheduler period). */
        @WithDefault("1s")
        String pollEvery();

        /** How long a subscriber may take to accept the connection. */
        @WithDefault("PT5S")
        Duration connectTimeout();

        /** How long a subscriber may stay silent while answering (and the most the whole answer may take). */
        @WithDefault("PT10S")
        Duration readTimeout();

        /** Attempts of one delivery before it is {@code failed} (a redelivery starts again from zero). */
        @WithDefault("12")
        int maxAttempts();

        /** The wait after a first failed attempt; it doubles with each attempt, with jitter, up to the maximum. */
        @WithDefault("PT10S")
        Duration initialBackoff();

        /** The longest wait between two attempts of the backoff schedule. */
        @WithDefault("PT1H")
        Duration maxBackoff();

        /** The longest {@code Retry-After} (429, 503) honoured; a longer one waits this long. */
        @WithDefault("PT1H")
        Duration maxRetryAfter();

        /** Deliveries sent at once by one instance. */
        @WithDefault("4")
        int concurrency();

        /**
         * Done deliveries, and outbox events all of whose deliveries are done, are purged once they are older than
         * this (the live comment stream replays from the outbox too: events are kept this long even without
         * subscribers).
         */
        @WithDefault("P7D")
        Duration retention();

        /** How often the purge runs (a scheduler period, or {@code off}). */
        @WithDefault("15m")
        String purgeEvery();

        /**
         * How often the backlog the metrics show ({@code content_outbox_backlog}, {@code content_webhooks_pending}) is
         * counted (a scheduler period, or {@code off}): one statement each time.
         */
        @WithDefault("15s")
        String backlogEvery();
    }

    interface Client {

        /**
         * The reverse proxies (addresses or CIDR blocks) whose {@code X-Forwarded-For} names the client; none by
         * default: the client is the TCP peer (docs/http-api.md §5).
         */
        Optional<List<String>> trustedProxies();
    }

    interface Limits {

        /**
         * Searches, feeds and text threads running at once on one instance; keep it well under the pool size
         * ({@code quarkus.datasource.jdbc.max-size}) so that the cheap reads always find a connection.
         */
        @WithDefault("4")
        int expensiveReads();
    }

    interface Database {

        /**
         * PostgreSQL's statement_timeout for the service's connections (e.g. {@code 2s}): no statement runs longer;
         * one that would is answered 503 with Retry-After.
         */
        @WithDefault("2s")
        String statementTimeout();
    }

    interface Search {

        /** PostgreSQL's text search configuration for documents and queries ({@code english}, {@code simple}, ...). */
        @WithDefault("english")
        String language();
    }

    interface Cache {

        /** Cache-Control of published content that anyone may read. */
        @WithDefault("public, max-age=60, stale-while-revalidate=300")
        String published();

        /**
         * Whether public reads are answered from the representation cache in memory (shared/cache, README: The
         * representation cache).
         */
        @WithDefault("true")
        boolean enabled();

        /** The most the cached representations may weigh: their bytes, gzip variants included. */
        @WithDefault("64M")
        MemorySize maxSize();

        /**
         * The staleness bound: no representation is served from memory longer than this after it was built, whatever
         * happens to the notifications that invalidate it.
         */
        @WithDefault("PT60S")
        Duration maxAge();

        /**
         * How often the listening connection is checked ({@code SELECT 1}) when no notification arrives: a connection
         * that stopped answering is found within this plus the socket timeout, and the cache dropped.
         */
        @WithDefault("PT5S")
        Duration listenerCheck();
    }

    interface Comments {

        /** How long the author may edit a comment with its token (deleting it has no deadline). */
        @WithDefault("PT15M")
        Duration editWindow();

        /** Comments close this long after publication. */
        @WithDefault("P14D")
        Duration closeAfter();

        /** {@code post}: comments appear at once unless a rule holds them; {@code pre}: every comment waits. */
        @WithDefault("post")
        Moderation moderation();

        /** Words that hold a comment, matched as whole words, case-insensitive. */
        Optional<List<String>> bannedWords();

        /** The same client's same body again within this time is held; zero turns the rule off. */
        @WithDefault("P1D")
        Duration repeatWindow();

        /** A comment with more links than this is held. */
        @WithDefault("2")
        int maxLinks();

        /** Distinct readers' reports that hold a published comment. */
        @WithDefault("3")
        int reportsToHold();

        /** Comment bodies (POST and PATCH) larger than this are a 413 before any parsing. */
        @WithDefault("64K")
        MemorySize maxBodySize();

        RateLimit rateLimit();

        /** The live comment streams ({@code GET /articles/{ref}/comments/stream}, comment/live). */
        Stream stream();

        interface Stream {

            /** An SSE comment line ({@code :heartbeat}) this often keeps idle connections and proxies open. */
            @WithDefault("PT15S")
            Duration heartbeat();

            /**
             * How often an article's stream looks again while an event is held back by an older transaction that has
             * not ended yet (events go out in commit-safe order, docs/http-api.md: Live comments).
             */
            @WithDefault("PT0.3S")
            Duration recheck();

            /**
             * The most events replayed after a reconnect ({@code Last-Event-ID}); a client further behind gets a
             * {@code reload} event instead.
             */
            @WithDefault("500")
            int replayLimit();

            /** Open streams per client address (shared/client); beyond it a 429 problem. */
            @WithDefault("10")
            int maxPerClient();

            /** Open streams on this instance; beyond it a 429 problem. */
            @WithDefault("2000")
            int maxPerInstance();
        }

        interface RateLimit {

            @WithDefault("5")
            int perMinute();

            @WithDefault("30")
            int perHour();
        }

        enum Moderation {
            POST, PRE
        }
    }
}
