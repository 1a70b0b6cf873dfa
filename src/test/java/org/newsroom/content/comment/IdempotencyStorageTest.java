package org.newsroom.content.comment;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.newsroom.content.shared.Hashing;
import org.newsroom.content.shared.security.ServerSecret;
import org.newsroom.content.support.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * What an Idempotency-Key leaves in the database (in-process: it reads the table). A dump alone neither finds a key
 * (it is stored as an HMAC under the server secret, not as its plain SHA-256) nor reads an answer; and a POST that
 * changed nothing stores no row at all.
 */
@QuarkusTest
class IdempotencyStorageTest {

    @Inject
    ServerSecret secret;

    @Test
    void aReportThatChangedNothingStoresNoKey() {
        long comment = comment();
        String path = "/api/v1/comments/" + comment + "/reports";
        String first = UUID.randomUUID().toString();
        given().header("Idempotency-Key", first).contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                .post(path).then().statusCode(202);
        assertTrue(stored(path, first));
        for (int again = 0; again < 3; again++) {
            String fresh = UUID.randomUUID().toString();
            given().header("Idempotency-Key", fresh).contentType(ContentType.JSON).body(Map.of("reason", "spam"))
                    .post(path).then().statusCode(202).body("status", org.hamcrest.Matchers.equalTo("received"));
            assertFalse(stored(path, fresh), "the same client's report again changed nothing: no row");
        }
    }

    @Test
    void aDumpNeitherFindsTheKeyNorReadsTheAnswer() throws Exception {
        long article = Fixtures.publishedArticle(Fixtures.unique("dump")).jsonPath().getLong("id");
        String path = "/api/v1/articles/" + article + "/comments";
        String key = UUID.randomUUID().toString();
        String token = given().header("Idempotency-Key", key).contentType(ContentType.JSON)
                .body(Map.of("authorName", "Dumped", "body", "Secret token inside")).post(path).then()
                .statusCode(201).extract().jsonPath().getString("token");

        assertEquals(0, rows(Hashing.sha256("key " + key)).size(), "not under the key's plain SHA-256");
        List<Object[]> rows = rows(secret.mac("idempotency key", ("POST " + path + "\n" + key).getBytes(
                StandardCharsets.UTF_8)));
        assertEquals(1, rows.size());
        byte[] clientHash = (byte[]) rows.get(0)[0];
        byte[] sealed = (byte[]) rows.get(0)[1];
        assertNotNull(clientHash, "the answer belongs to a client");
        assertFalse(new String(sealed, StandardCharsets.ISO_8859_1).contains(token));
        // The key derived from the Idempotency-Key alone (as before) does not open it: the secret is needed.
        assertThrows(GeneralSecurityException.class, () -> open(Hashing.sha256("answer " + key), sealed));
    }

    private static byte[] open(byte[] key, byte[] sealed) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(key, "AES"),
                new GCMParameterSpec(128, Arrays.copyOf(sealed, 12)));
        return cipher.doFinal(sealed, 12, sealed.length - 12);
    }

    private boolean stored(String path, String key) {
        return rows(secret.mac("idempotency key", ("POST " + path + "\n" + key).getBytes(StandardCharsets.UTF_8)))
                .size() == 1;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(byte[] keyHash) {
        return QuarkusTransaction.requiringNew().call(() -> Comment.getEntityManager()
                .createNativeQuery("select client_hash, response_body from idempotency_key where key_hash = :hash")
                .setParameter("hash", keyHash).getResultList());
    }

    private static long comment() {
        long article = Fixtures.publishedArticle(Fixtures.unique("dump")).jsonPath().getLong("id");
        return given().contentType(ContentType.JSON).body(Map.of("authorName", "Reported", "body", "Report me"))
                .post("/api/v1/articles/" + article + "/comments").then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }
}
