package org.newsroom.content.shared.idempotency;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.Supplier;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on POST (API.md §5). The key's record is written in the same transaction as what the POST
 * makes, so an answer is never kept without its effect, nor an effect without its answer: the same key and body
 * within 24 hours replays the first answer; another body is a 422; a key whose first request is still running is a
 * 409 (a PostgreSQL advisory lock, so this holds across instances).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final int MAX_KEY_LENGTH = 255;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a POST made: its status, body, Location and (where it has one) the ETag of what it made. */
    public record Created(int status, Object body, URI location, String etag) {
    }

    /**
     * The answer to send: fresh, or replayed (then {@code body} holds the first answer's JSON bytes, and there is no
     * ETag: the resource may have changed since, so the client reads it again for one).
     */
    public record Answer(int status, Object body, URI location, String etag, boolean replayed) {
    }

    private final ObjectMapper json;

    public Idempotency(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Runs {@code post} once per key: {@code scope} names the endpoint (method and path), {@code request} is the
     * parsed body, hashed to tell a retry from a different request. Without a key, {@code post} simply runs.
     */
    @Transactional
    public Answer run(String scope, String key, Object request, Supplier<Created> post) {
        if (key == null) {
            Created created = post.get();
            return new Answer(created.status(), created.body(), created.location(), created.etag(), false);
        }
        checkKey(key);
        byte[] keyHash = sha256("key " + key);
        byte[] requestHash = sha256(serialize(request));
        if (!IdempotencyRecord.tryLock(scope, keyHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry in a moment");
        }
        Instant now = Time.now();
        Instant notBefore = now.minus(KEPT_FOR);
        var existing = IdempotencyRecord.findFresh(scope, keyHash, notBefore);
        if (existing.isPresent()) {
            IdempotencyRecord record = existing.get();
            if (!MessageDigest.isEqual(record.requestHash, requestHash)) {
                throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                        "This Idempotency-Key was used with a different request in the last 24 hours");
            }
            URI location = record.responseLocation == null ? null : URI.create(record.responseLocation);
            return new Answer(record.responseStatus, decrypt(key, record.responseBody), location, null, true);
        }
        IdempotencyRecord.deleteStale(scope, keyHash, notBefore);
        Created created = post.get();
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new IdempotencyRecord.Id(scope, keyHash);
        record.requestHash = requestHash;
        record.responseStatus = created.status();
        record.responseLocation = created.location() == null ? null : created.location().toString();
        record.responseBody = encrypt(key, serialize(created.body()));
        record.createdAt = now;
        record.persist();
        return new Answer(created.status(), created.body(), created.location(), created.etag(), false);
    }

    private static void checkKey(String key) {
        if (key.isEmpty() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw ApiException.invalid(HEADER, "must be 1 to 255 visible ASCII characters (a UUID, say)");
        }
    }

    private byte[] serialize(Object value) {
        try {
            return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** AES-GCM under SHA-256("answer " + key): the stored answer is readable only with the client's key. */
    private static byte[] encrypt(String key, byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, answerKey(key), new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(String key, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, answerKey(key), new GCMParameterSpec(128, Arrays.copyOf(stored, 12)));
            return cipher.doFinal(stored, 12, stored.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SecretKeySpec answerKey(String key) {
        return new SecretKeySpec(sha256("answer " + key), "AES");
    }
}
