package org.newsroom.content.shared.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Singleton;

import org.newsroom.content.shared.config.ContentConfig;
import org.newsroom.content.shared.web.Cursor;

import io.quarkus.runtime.Startup;

/**
 * The deployment's secret ({@code content.secret}), from which every key the service derives itself comes: the keys of
 * stored idempotency answers and the MAC of list cursors. Each use has its own purpose label, so that no two uses share
 * a key. Every instance of a deployment must have the same secret (a cursor or an idempotent retry may reach any of
 * them); changing it makes the cursors given out and the stored answers of the last 24 hours unusable, nothing else.
 */
@Singleton
@Startup
public class ServerSecret {

    private static final String HMAC = "HmacSHA256";

    private final byte[] secret;

    public ServerSecret(ContentConfig config) {
        this.secret = config.secret().getBytes(StandardCharsets.UTF_8);
        Cursor.signWith(derive("cursor"));
    }

    /** A 32-byte key for one purpose: HMAC-SHA256(secret, purpose). */
    public byte[] derive(String purpose) {
        return hmac(secret, purpose.getBytes(StandardCharsets.UTF_8));
    }

    /** HMAC-SHA256 under the key derived for {@code purpose}. */
    public byte[] mac(String purpose, byte[] data) {
        return hmac(derive(purpose), data);
    }

    public static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac.doFinal(data);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("every Java platform has HmacSHA256", e);
        }
    }
}
