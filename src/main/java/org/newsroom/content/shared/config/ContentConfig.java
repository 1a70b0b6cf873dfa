package org.newsroom.content.shared.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    Client client();

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
