package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The revision reads are the article's row and one statement more, whatever the history's length or the article's
 * size; and the measurement behind storing whole snapshots (README "Revisions"). In-process only (Hibernate's
 * statistics, the database itself), like StatementCountTest.
 */
@QuarkusTest
class RevisionStatementCountTest {

    private static final List<String> WORDS = Stream
            .of("/demo/harbour-ferry.txt", "/demo/library-robots.txt", "/demo/rainfall-record.txt")
            .flatMap(file -> Arrays.stream(Fixtures.resource(file).split("\\s+")))
            .filter(word -> word.matches("[A-Za-z0-9,.:;()-]+"))
            .distinct().toList();

    @Inject
    SessionFactory sessionFactory;

    @Inject
    DataSource dataSource;

    @Test
    void eachRevisionReadIsTwoStatementsWhateverTheHistory() {
        for (int edits : List.of(1, 30)) {
            long id = RevisionResourceTest.articleWithRevisions(edits + 1);
            assertEquals(2, count(() -> editor().queryParam("limit", 100).get("/api/v1/articles/{id}/revisions", id)
                    .then().statusCode(200).body("items", hasSize(edits + 1))), "the list after " + edits);
            assertEquals(2, count(() -> editor().queryParam("limit", 2).get("/api/v1/articles/{id}/revisions", id)
                    .then().statusCode(200)), "a page of 2 after " + edits);
            assertEquals(2, count(() -> editor().get("/api/v1/articles/{id}/revisions/1", id).then()
                    .statusCode(200)), "a snapshot after " + edits);
            assertEquals(2, count(() -> editor().queryParam("against", 1)
                    .get("/api/v1/articles/{id}/revisions/{n}/diff", id, edits + 1).then().statusCode(200)),
                    "a diff after " + edits);
        }
    }

    /**
     * 100 edits of a 35-block article (blocks of about 450 characters, one block rewritten by each edit), stored as
     * whole snapshots: what they take in the table, compressed by PostgreSQL (TOAST) as it stores them.
     */
    @Test
    void measuresOneHundredEditsOfA35BlockArticle() throws SQLException {
        List<Map<String, String>> blocks = new ArrayList<>();
        for (int i = 0; i < 35; i++) {
            blocks.add(Map.of("type", "paragraph", "text", paragraph(i)));
        }
        var created = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Measured"), "paragraphs", blocks));
        long id = created.jsonPath().getLong("id");
        List<Long> ids = created.jsonPath().getList("paragraphs.id", Long.class);
        for (int edit = 0; edit < 100; edit++) {
            long block = ids.get(edit % ids.size());
            String etag = editor().get("/api/v1/articles/{id}/paragraphs/{p}", id, block).then().statusCode(200)
                    .extract().header("ETag");
            editor().header("If-Match", etag).contentType("application/merge-patch+json")
                    .body(Map.of("text", paragraph(edit + 1000))).patch("/api/v1/articles/{id}/paragraphs/{p}", id,
                            block)
                    .then().statusCode(200);
        }
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT count(*),"
                        + " sum(octet_length(snapshot::text)), sum(pg_column_size(snapshot)),"
                        + " sum(pg_column_size(article_revision.*))"
                        + " FROM article_revision WHERE article_id = ? AND number > 1")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long revisions = row.getLong(1);
                long text = row.getLong(2);
                long stored = row.getLong(3);
                long rows = row.getLong(4);
                System.out.printf("RevisionStatementCountTest: %d edits of a 35-block article: snapshots %d bytes as"
                        + " JSON text, %d bytes stored (jsonb, compressed), %d bytes with their rows; %d bytes stored"
                        + " per revision%n", revisions, text, stored, rows, stored / revisions);
                assertEquals(100, revisions);
                // TOAST compresses each snapshot as it stores it: well under the JSON text.
                assertTrue(stored < text / 2, "stored " + stored + " of " + text);
            }
        }
    }

    /**
     * About 450 characters of words drawn at random from the demo articles (real newsroom prose): different for each
     * {@code seed}, and no more repetitive than prose, so that the compression measured is not flattered.
     */
    private static String paragraph(int seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder("Paragraph " + seed + ".");
        while (text.length() < 450) {
            text.append(' ').append(WORDS.get(random.nextInt(WORDS.size())));
        }
        return text.append('.').toString();
    }

    private static RequestSpecification editor() {
        return given().auth().oauth2(TestTokens.editor());
    }

    /** Editors' reads are never cached (they carry a token), so every request is counted as it runs. */
    private long count(Runnable request) {
        request.run();
        Statistics statistics = sessionFactory.getStatistics();
        statistics.clear();
        request.run();
        return statistics.getPrepareStatementCount();
    }
}
