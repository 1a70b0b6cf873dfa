package org.newsroom.content.shared.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

class CursorTest {

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

    private static void assertInvalid(Executable decode) {
        ApiException e = assertThrows(ApiException.class, decode);
        assertEquals(ErrorCode.VALIDATION_FAILED, e.code());
        assertEquals("cursor", e.errors().get(0).field());
    }
}
