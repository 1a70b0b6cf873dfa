package org.newsroom.content.article;

import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.config.ContentConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * At start-up: fails with a clear message when content.search.language names no PostgreSQL text search
 * configuration, and otherwise hands it to the database, whose trigger keeps search documents current (V4).
 */
public class SearchLanguageCheck {

    @Transactional
    void check(@Observes StartupEvent started, ContentConfig config) {
        String language = config.search().language();
        Object known = Article.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM pg_ts_config WHERE cfgname = :language")
                .setParameter("language", language).getSingleResult();
        if (((Number) known).longValue() == 0) {
            throw new IllegalStateException("content.search.language (CONTENT_SEARCH_LANGUAGE) is '" + language
                    + "', which is not a text search configuration of this PostgreSQL: try english, simple, german,"
                    + " ... (SELECT cfgname FROM pg_ts_config)");
        }
        Article.getEntityManager()
                .createNativeQuery("UPDATE search_configuration SET language = cast(:language AS regconfig)"
                        + " WHERE language <> cast(:language AS regconfig)")
                .setParameter("language", language).executeUpdate();
    }
}
