package org.newsroom.content.shared.cache;

import java.time.Instant;
import java.util.Optional;

/** When the next article scheduled after an instant goes live (the article package answers it). */
public interface ScheduledArticles {

    Optional<Instant> nextAfter(Instant instant);
}
