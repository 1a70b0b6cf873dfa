package org.newsroom.content.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

class CursorTest {

    /** What ServerSecret sets at start-up; a cursor made under another key is refused. */
    @BeforeAll
    static void signWithAKey() {
        Cursor.signWith("a test key, made up for CursorTest".getBytes(StandardCharsets.UTF_8));
    }

    private final Cursor cursor = Cursor.at("published-newest", Instant.parse("2023-07-27T09:30:00.123456Z"), 42);

    @Test
    void roundTripsItsPosition() {
        assertEquals(cursor, Cursor.decode(cursor.encode(), "published-newest"));
    }

    @Test
    void keepsItsInstantAndItsNumberExactly() {
        assertEquals(Instant.parse("2023-07-27T09:30:00.123456Z"),
                Cursor.decode(cursor.encode(), "published-newest").instant());
        Cursor relevance = Cursor.at("search", 0.0607927101850509643554688, 7);
        assertEquals(0.0607927101850509643554688, Cursor.decode(relevance.encode(), "search").number());
    }

    @Test
    void isUrlSafe() {
        assertEquals(cursor.encode(),
                URLEncoder.encode(cursor.encode(), StandardCharsets.UTF_8));
    }

    @Test
    void refusesACursorOfAnotherOrdering() {
        assertInvalid(() -> Cursor.decode(cursor.encode(), "published-oldest"));
    }

    @Test
    void refusesAnEditedPayload() {
        String[] parts = cursor.encode().split("\\.");
        String forged = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("2|published-newest|1690450200.0|1".getBytes());
        assertInvalid(() -> Cursor.decode(forged + "." + parts[1], "published-newest"));
    }

    @Test
    void refusesGarbage() {
        for (String garbage : new String[]{"", "abc", "a.b.c", "!!!.???", "."}) {
            assertInvalid(() -> Cursor.decode(garbage, "published-newest"));
        }
    }

    @Test
    void refusesACursorSignedWithTheKeyThatWasOnceInTheSource() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("news-content cursor v2".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        byte[] payload = "2|published-newest|1690450200.0|1".getBytes(StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(payload) + "." + Base64.getUrlEncoder()
                .withoutPadding().encodeToString(Arrays.copyOf(mac.doFinal(payload), 12));
        assertInvalid(() -> Cursor.decode(forged, "published-newest"));
    }

    @Test
    void refusesASortKeyNoDatabaseRowCanHave() {
        for (String key : new String[]{"10000000000000.0", "-300000000000.0", "31556889864403199.999999999",
                "-62135596801.0", "253402300800.0"}) {
            Cursor decoded = Cursor.decode(new Cursor("published-newest", key, 1).encode(), "published-newest");
            assertInvalid(decoded::instant);
        }
        for (String key : new String[]{"NaN", "Infinity", "-Infinity", "1e400"}) {
            Cursor decoded = Cursor.decode(new Cursor("search", key, 1).encode(), "search");
            assertInvalid(decoded::number);
        }
        assertEquals(Instant.parse("0001-01-01T00:00:00Z"),
                Cursor.decode(Cursor.at("x", Instant.parse("0001-01-01T00:00:00Z"), 1).encode(), "x").instant());
    }

    private static void assertInvalid(Executable decode) {
        ApiException e = assertThrows(ApiException.class, decode);
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("cursor", e.errors().get(0).field());
    }
}
