package org.newsroom.content.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * V5 on rows written before it (in a schema of its own, migrated to V4 first): comment texts stored untrimmed are
 * trimmed as Java's strip() trims, CRLF and lone CRs become LF, U+FFFE and U+FFFF become U+FFFD, so that the length
 * CHECKs are added over valid rows. In-process only: it migrates a schema itself.
 */
@QuarkusTest
class TextLimitsMigrationTest {

    @Inject
    AgroalDataSource database;

    @Test
    void rowsWrittenBeforeV5AreTrimmedAndRepairedAndMeetTheLimits() throws Exception {
        String schema = "v5_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Flyway flyway = Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/migration")
                .target("4").load();
        try {
            flyway.migrate();
            // Every whitespace Java's strip() removes, at both ends; U+00A0 (not whitespace to Java) stays.
            String javaWhitespace = "\t\n\u000B\f\r\u001C\u001D\u001E\u001F \u1680\u2000\u2006\u2008\u200A\u2028"
                    + "\u2029\u205F\u3000";
            execute(schema, "INSERT INTO article (id, slug, headline, byline) VALUES (900001, 'v5-article', "
                    + "'Head\uFFFFline', 'By\uFFFE')");
            execute(schema, "INSERT INTO paragraph (article_id, position, type, text) VALUES (900001, 1, 'paragraph',"
                    + " 'Text \uFFFF')");
            execute(schema, "INSERT INTO comment (id, article_id, author_name, body, editable_until, token_hash) "
                    + "VALUES (900001, 900001, '" + javaWhitespace + "Name\u00A0" + javaWhitespace + "', '"
                    + javaWhitespace + "x" + " ".repeat(3_000) + "\r\none\rtwo\u00A0" + javaWhitespace
                    + " ".repeat(4_000) + "', now(), decode(repeat('00', 32), 'hex'))");
            execute(schema, "INSERT INTO comment_report (comment_id, reason, detail, client_address) VALUES (900001,"
                    + " 'spam', '  detail" + " ".repeat(2_000) + "', 'old')");
            execute(schema, "INSERT INTO moderation_decision (comment_id, moderator, action, reason, previous_status,"
                    + " new_status) VALUES (900001, 'old', 'approve', '" + "\n".repeat(3_000) + "reason\r\n', "
                    + "'published', 'published')");

            Flyway.configure().dataSource(database).schemas(schema).locations("classpath:db/migration").load()
                    .migrate();

            assertEquals(List.of("Head\uFFFDline", "By\uFFFD"), row(schema, "SELECT headline, byline FROM article"));
            assertEquals(List.of("Text \uFFFD"), row(schema, "SELECT text FROM paragraph"));
            assertEquals(List.of("Name\u00A0", "x" + " ".repeat(3_000) + "\none\ntwo\u00A0"),
                    row(schema, "SELECT author_name, body FROM comment"));
            assertEquals(List.of("detail"), row(schema, "SELECT detail FROM comment_report"));
            assertEquals(List.of("reason"), row(schema, "SELECT reason FROM moderation_decision"));
        } finally {
            execute(schema, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private void execute(String schema, String sql) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            // A pooled connection: the search path goes back before the pool has it again.
            statement.execute("SET search_path TO " + schema);
            try {
                statement.execute(sql);
            } finally {
                statement.execute("RESET search_path");
            }
        }
    }

    private List<String> row(String schema, String query) throws SQLException {
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("SET search_path TO " + schema);
            try (ResultSet result = statement.executeQuery(query)) {
                result.next();
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    values.add(result.getString(i));
                }
                return values;
            } finally {
                statement.execute("RESET search_path");
            }
        }
    }
}
