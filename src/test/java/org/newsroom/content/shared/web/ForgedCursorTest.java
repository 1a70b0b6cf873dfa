package org.newsroom.content.shared.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.security.ServerSecret;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Cursors are signed with a key derived from the deployment's secret: one signed with the key that was once written in
 * the source is refused, and one that carries a sort key PostgreSQL cannot hold is a 400, never a 500.
 */
@QuarkusTest
class ForgedCursorTest {

    private static final byte[] KEY_ONCE_IN_THE_SOURCE = "news-content cursor v2".getBytes(StandardCharsets.UTF_8);

    @Test
    void aCursorSignedWithTheOldConstantKeyIsA400() {
        assertRefused("/api/v1/articles", sign(KEY_ONCE_IN_THE_SOURCE, "2|published-newest|1690450200.0|1"));
        assertRefused("/api/v1/articles", sign(KEY_ONCE_IN_THE_SOURCE, "2|published-newest|10000000000000.0|1"));
    }

    @Test
    void aWellSignedCursorWithATimeBeyondTheDatabasesRangeIsA400() {
        byte[] key = ServerSecret.hmac(
                ConfigProvider.getConfig().getValue("content.secret", String.class).getBytes(StandardCharsets.UTF_8),
                "cursor".getBytes(StandardCharsets.UTF_8));
        long article = Fixtures.publishedArticle(Fixtures.unique("cursor")).jsonPath().getLong("id");
        for (String time : List.of("10000000000000.0", "-300000000000.0", "31556889864403199.999999999")) {
            assertRefused("/api/v1/articles", sign(key, "2|published-newest|" + time + "|1"));
            assertRefused("/api/v1/articles/" + article + "/comments", sign(key, "2|comments-oldest|" + time + "|1"));
        }
    }

    private static void assertRefused(String path, String cursor) {
        problem(given().queryParam("cursor", cursor).get(path).then(), 400, "VALIDATION_FAILED", "validation",
                "Invalid request", path).body("errors.field", contains("cursor"));
    }

    private static String sign(byte[] key, String payload) {
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        byte[] mac = Arrays.copyOf(ServerSecret.hmac(key, bytes), 12);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes) + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(mac);
    }
}
