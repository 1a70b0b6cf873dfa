package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The image rules hold in PostgreSQL too (V10), for any writer. In-process only: it writes the database itself.
 */
@QuarkusTest
class ImageChecksTest {

    private static final String CHECK_VIOLATION = "23514";

    @Inject
    AgroalDataSource database;

    @Test
    void postgresqlRefusesImagesThatBreakTheRulesWhoeverWritesThem() throws Exception {
        long article = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Checked"), "leadImage",
                Map.of("src", "https://images.example/lead.jpg", "alt", "Lead"), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Words."), Map.of("type", "image", "image",
                        Map.of("src", "https://images.example/a.jpg", "alt", "A", "width", 4, "height", 3)))))
                .jsonPath().getLong("id");
        String image = " WHERE article_id = " + article + " AND position = 2";
        String text = " WHERE article_id = " + article + " AND position = 1";
        String lead = " WHERE id = " + article;
        List<String> broken = List.of(
                "UPDATE paragraph SET image_src = 'http://images.example/a.jpg'" + image,
                "UPDATE paragraph SET image_src = 'https://' || repeat('a', 1993)" + image,
                "UPDATE paragraph SET image_src = NULL" + image,
                "UPDATE paragraph SET text = 'A caption'" + image,
                "UPDATE paragraph SET image_alt = ' '" + image,
                "UPDATE paragraph SET image_alt = NULL" + image,
                "UPDATE paragraph SET image_decorative = true" + image,
                "UPDATE paragraph SET image_width = NULL" + image,
                "UPDATE paragraph SET image_width = 0, image_height = 0" + image,
                "UPDATE paragraph SET image_caption = repeat('c', 1001)" + image,
                "UPDATE paragraph SET image_credit = ''" + image,
                "UPDATE paragraph SET image_caption = U&'\\FFFF'" + image,
                "UPDATE paragraph SET image_src = 'https://images.example/b.jpg'" + text,
                "UPDATE paragraph SET type = 'image'" + text,
                "UPDATE paragraph SET type = 'figure'" + image,
                "UPDATE article SET lead_image_src = 'ftp://images.example/a.jpg'" + lead,
                "UPDATE article SET lead_image_alt = NULL" + lead,
                "UPDATE article SET lead_image_width = 10" + lead,
                "UPDATE article SET lead_image_src = NULL" + lead,
                "UPDATE article SET lead_image_credit = repeat('c', 201)" + lead);
        for (String statement : broken) {
            SQLException refused = assertThrows(SQLException.class, () -> execute(statement), statement);
            assertEquals(CHECK_VIOLATION, refused.getSQLState(), statement + ": " + refused.getMessage());
        }
        // What the API allows, PostgreSQL allows.
        execute("UPDATE paragraph SET image_alt = NULL, image_decorative = true, image_width = NULL,"
                + " image_height = NULL" + image);
        execute("UPDATE article SET lead_image_src = NULL, lead_image_alt = NULL" + lead);
    }

    private void execute(String statement) throws SQLException {
        try (Connection connection = database.getConnection();
                PreparedStatement update = connection.prepareStatement(statement)) {
            update.executeUpdate();
        }
    }
}
