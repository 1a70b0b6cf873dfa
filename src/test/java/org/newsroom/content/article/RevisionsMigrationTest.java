package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.dev.EmbeddedPostgres;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * V9 on a database that already holds articles: each gets a baseline revision 1 whose snapshot reads as the article
 * the service answers. A PostgreSQL server of its own, migrated up to V8, given rows, then migrated on.
 */
class RevisionsMigrationTest {

    @Test
    void everyExistingArticleGetsABaselineThatReadsAsTheArticle() throws Exception {
        EmbeddedPostgres server = EmbeddedPostgres.start();
        try (Connection db = DriverManager.getConnection(server.jdbcUrl(), EmbeddedPostgres.USER,
                EmbeddedPostgres.PASSWORD); Statement sql = db.createStatement()) {
            migrate(server, "8");
            sql.execute("INSERT INTO article (id, slug, headline, section, tags, status, published_at, created_at,"
                    + " updated_at, paragraph_count) VALUES (1, 'story', 'A story', 'news', '{a,b}', 'published',"
                    + " '2024-03-01T10:00:00.123456Z', '2024-03-01T09:00:00Z', '2024-03-01T10:00:00Z', 2),"
                    + " (2, 'empty-draft', 'Nothing yet', NULL, '{}', 'draft', NULL, '2024-03-02T09:00:00Z',"
                    + " '2024-03-02T09:00:00Z', 0)");
            sql.execute("INSERT INTO paragraph (id, article_id, position, type, text, attribution) VALUES"
                    + " (10, 1, 1, 'paragraph', 'First.', NULL), (11, 1, 2, 'pullquote', 'Said.', 'Someone')");
            migrate(server, "9");

            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule());
            try (ResultSet rows = sql.executeQuery("SELECT article_id, number, author, kind, headline,"
                    + " snapshot::text FROM article_revision ORDER BY article_id")) {
                assertTrue(rows.next());
                assertEquals(List.of(1L, 1, "migration", "baseline", "A story"),
                        List.of(rows.getLong(1), rows.getInt(2), rows.getString(3), rows.getString(4),
                                rows.getString(5)));
                ArticleResponse story = json.readValue(rows.getString(6), ArticleResponse.class);
                assertEquals(new ArticleResponse(1, "story", "A story", null, null, null, "news", List.of("a", "b"),
                        "published", Instant.parse("2024-03-01T10:00:00.123456Z"),
                        Instant.parse("2024-03-01T09:00:00Z"), Instant.parse("2024-03-01T10:00:00Z"), true, 2,
                        List.of(new ParagraphResponse(10, 1, "paragraph", "First.", null, null),
                                new ParagraphResponse(11, 2, "pullquote", "Said.", "Someone", null)),
                        null),
                        story);
                assertTrue(rows.next());
                ArticleResponse draft = json.readValue(rows.getString(6), ArticleResponse.class);
                assertEquals("draft", draft.status());
                assertEquals(null, draft.publishedAt());
                assertEquals(List.of(), draft.paragraphs());
                assertEquals(List.of(), draft.tags());
            }
        } finally {
            server.stop();
        }
    }

    private static void migrate(EmbeddedPostgres server, String target) {
        Flyway.configure().dataSource(server.jdbcUrl(), EmbeddedPostgres.USER, EmbeddedPostgres.PASSWORD)
                .locations("classpath:db/migration").target(target).load().migrate();
    }
}
