package org.newsroom.content.shared;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The length limits hold in PostgreSQL too (V5), for any writer: a row over a limit is refused by a CHECK, and what the
 * API stores is the text it counted, whitespace padding gone. In-process only: it reads and writes the database itself.
 */
@QuarkusTest
class StoredTextLimitsTest {

    private static final String CHECK_VIOLATION = "23514";

    @Inject
    AgroalDataSource database;

    @Test
    void paddingIsNotStoredInReportsAndDecisions() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("stored")).jsonPath().getLong("id");
        long comment = given().contentType(ContentType.JSON)
                .body(Map.of("authorName", "  Padded  ", "body", "x" + " ".repeat(60_000)))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        given().contentType(ContentType.JSON).body(Map.of("reason", "spam", "detail", "d" + " \n".repeat(20_000)))
                .post("/api/v1/comments/{id}/reports", comment).then().statusCode(202);
        String etag = given().get("/api/v1/comments/{id}", comment).then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.moderator()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(Map.of("action", "approve", "reason", "\t fine " + " ".repeat(900_000)))
                .post("/api/v1/moderation/comments/{id}/decision", comment).then().statusCode(200);

        assertEquals(List.of("Padded", "x"), row("SELECT author_name, body FROM comment WHERE id = ?", comment));
        assertEquals(List.of("d"), row("SELECT detail FROM comment_report WHERE comment_id = ?", comment));
        assertEquals(List.of("fine"), row("SELECT reason FROM moderation_decision WHERE comment_id = ?", comment));
    }

    @Test
    void postgresqlRefusesTextOverTheLimitsWhoeverWritesIt() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("stored")).jsonPath().getLong("id");
        long comment = given().contentType(ContentType.JSON).body(Map.of("authorName", "Target", "body", "Words"))
                .post("/api/v1/articles/{id}/comments", article).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        List<String> overLimit = List.of(
                "UPDATE comment SET author_name = repeat('n', 81) WHERE id = " + comment,
                "UPDATE comment SET body = repeat('b', 5001) WHERE id = " + comment,
                "INSERT INTO comment_report (comment_id, reason, detail, client_address) VALUES (" + comment
                        + ", 'spam', repeat('d', 1001), 'sql')",
                "INSERT INTO moderation_decision (comment_id, article_id, moderator, action, reason, previous_status,"
                        + " new_status) VALUES (" + comment + ", " + article
                        + ", 'sql', 'approve', repeat('r', 1001), 'published', 'published')",
                "UPDATE article SET headline = repeat('h', 301) WHERE id = " + article,
                "UPDATE article SET subheadline = repeat('s', 501) WHERE id = " + article,
                "UPDATE article SET dateline = repeat('D', 61) WHERE id = " + article,
                "UPDATE article SET byline = repeat('b', 201) WHERE id = " + article,
                "UPDATE article SET section = repeat('s', 61) WHERE id = " + article,
                "UPDATE article SET tags = array_fill('t'::text, ARRAY[21]) WHERE id = " + article,
                "UPDATE article SET tags = ARRAY[repeat('t', 61)] WHERE id = " + article,
                "UPDATE paragraph SET text = repeat('p', 10001) WHERE article_id = " + article + " AND position = 1",
                "UPDATE paragraph SET attribution = repeat('a', 201) WHERE article_id = " + article
                        + " AND position = 3");
        for (String statement : overLimit) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals(CHECK_VIOLATION, refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        // Characters, as the service counts them: 5000 emoji are 5000 characters (10,000 UTF-16 units).
        execute("UPDATE comment SET body = repeat(U&'\\+01F600', 5000) WHERE id = " + comment);
        execute("UPDATE article SET headline = repeat('h', 300) WHERE id = " + article);
    }

    @Test
    void postgresqlRefusesArticleTextXmlCannotCarry() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("stored")).jsonPath().getLong("id");
        List<String> broken = List.of(
                "UPDATE article SET headline = U&'Broken \\FFFF feed' WHERE id = " + article,
                "UPDATE article SET byline = U&'\\FFFE' WHERE id = " + article,
                "UPDATE article SET subheadline = 'bell ' || chr(7) WHERE id = " + article,
                "UPDATE article SET tags = ARRAY[U&'t\\FFFF'] WHERE id = " + article,
                "UPDATE paragraph SET text = 'a' || chr(1) || 'b' WHERE article_id = " + article + " AND position = 1",
                "UPDATE paragraph SET attribution = U&'\\FFFF' WHERE article_id = " + article + " AND position = 3");
        for (String statement : broken) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals(CHECK_VIOLATION, refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        // Tab, newline-free text, U+FFFD and characters beyond the BMP are fine.
        execute("UPDATE article SET headline = U&'Tab\\0009 \\FFFD \\+10FFFF' WHERE id = " + article);
        given().get("/feeds/articles.rss").then().statusCode(200);
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.executeUpdate();
        }
    }

    private List<String> row(String query, long id) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement select = connection.prepareStatement(query)) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                int columns = result.getMetaData().getColumnCount();
                return java.util.stream.IntStream.rangeClosed(1, columns).mapToObj(i -> {
                    try {
                        return result.getString(i);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
            }
        }
    }
}
