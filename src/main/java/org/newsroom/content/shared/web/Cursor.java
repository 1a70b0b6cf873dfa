package org.newsroom.content.shared.web;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.newsroom.content.shared.error.ApiException;

/**
 * A keyset position (the sort key and the id of the last row of a page), opaque to clients and checked: it names
 * the list ordering it was made for and carries a MAC, so an edited or foreign cursor is a 400, never a wrong page.
 * The MAC only proves the cursor came from this service; a cursor holds no secret. Its key derives from the
 * deployment's secret ({@code content.secret}, see ServerSecret), so no one outside can make one. The sort key is an
 * instant (dates) or a number (search relevance), kept exactly; one outside what the database can hold is a 400 too.
 */
public record Cursor(String ordering, String key, long id) {

    private static final String VERSION = "2";
    private static final int MAC_BYTES = 12;
    /** PostgreSQL's timestamptz spans 4713 BC to 294276 AD; no row of this service is dated outside these years. */
    private static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** Set once at start-up by ServerSecret (every instance of a deployment derives the same key). */
    private static volatile byte[] macKey;

    public static void signWith(byte[] key) {
        macKey = key.clone();
    }

    public static Cursor at(String ordering, Instant sortKey, long id) {
        return new Cursor(ordering, sortKey.getEpochSecond() + "." + sortKey.getNano(), id);
    }

    public static Cursor at(String ordering, double sortKey, long id) {
        return new Cursor(ordering, Double.toString(sortKey), id);
    }

    public Instant instant() {
        try {
            String[] parts = key.split("\\.", -1);
            Instant instant = Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
            if (instant.isBefore(EARLIEST) || instant.isAfter(LATEST)) {
                throw invalid();
            }
            return instant;
        } catch (RuntimeException e) {
            throw invalid();
        }
    }

    public double number() {
        try {
            double number = Double.parseDouble(key);
            if (!Double.isFinite(number)) {
                throw invalid();
            }
            return number;
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    public String encode() {
        byte[] bytes = (VERSION + "|" + ordering + "|" + key + "|" + id).getBytes(StandardCharsets.UTF_8);
        return base64(bytes) + "." + base64(mac(bytes));
    }

    /** Decodes a cursor made for {@code expectedOrdering}; anything else is a 400 naming the {@code cursor} parameter. */
    public static Cursor decode(String text, String expectedOrdering) {
        try {
            String[] parts = text.split("\\.", -1);
            if (parts.length != 2) {
                throw invalid();
            }
            byte[] payload = Base64.getUrlDecoder().decode(parts[0]);
            if (!MessageDigest.isEqual(mac(payload), Base64.getUrlDecoder().decode(parts[1]))) {
                throw invalid();
            }
            String[] fields = new String(payload, StandardCharsets.UTF_8).split("\\|", -1);
            if (fields.length != 4 || !VERSION.equals(fields[0]) || !expectedOrdering.equals(fields[1])) {
                throw invalid();
            }
            return new Cursor(fields[1], fields[2], Long.parseLong(fields[3]));
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static ApiException invalid() {
        return ApiException.invalid("cursor", "is not a cursor this list gave out");
    }

    private static String base64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] mac(byte[] payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key = macKey;
            if (key == null) {
                throw new IllegalStateException("Cursor.signWith was not called: ServerSecret starts with the service");
            }
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(payload), MAC_BYTES);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
