package org.newsroom.content.shared.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The service's own settings, under {@code content.} (each also settable from the environment). */
@ConfigMapping(prefix = "content")
public interface ContentConfig {

    Cache cache();

    Comments comments();

    interface Cache {

        /** Cache-Control of published content that anyone may read. */
        @WithDefault("public, max-age=60, stale-while-revalidate=300")
        String published();
    }

    interface Comments {

        /** How long the author may edit or delete a comment with its token. */
        @WithDefault("PT15M")
        Duration editWindow();

        /** Comments close this long after publication. */
        @WithDefault("P14D")
        Duration closeAfter();
    }
}
