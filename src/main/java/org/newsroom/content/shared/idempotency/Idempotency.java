package org.newsroom.content.shared.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import jakarta.annotation.Priority;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

import org.newsroom.content.shared.Hashing;
import org.newsroom.content.shared.Time;
import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on POST (docs/http-api.md §5), around every {@link Idempotent} service method. It runs
 * inside the method's transaction (after {@code @Transactional}'s interceptor), so the key's record is written with
 * what the POST makes: an answer is never kept without its effect, nor an effect without its answer. The same key
 * and request within 24 hours replays the first answer; another request is a 422; a key whose first request is still
 * running is a 409 (a PostgreSQL advisory lock, so this holds across instances).
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    private static final Duration KEPT_FOR = Duration.ofHours(24);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;
    private final Clock clock;

    public Idempotency(ObjectMapper json, Clock clock) {
        this.json = json;
        this.clock = clock;
    }

    @AroundInvoke
    Object runOnce(InvocationContext invocation) throws Exception {
        IdempotencyKey key = keyOf(invocation);
        if (!key.isPresent()) {
            return invocation.proceed();
        }
        byte[] keyHash = Hashing.sha256("key " + key.key());
        byte[] requestHash = Hashing.sha256(requestOf(invocation));
        if (!IdempotencyRecord.tryLock(key.scope(), keyHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry in a moment");
        }
        Instant now = Time.now(clock);
        Instant notBefore = now.minus(KEPT_FOR);
        Optional<IdempotencyRecord> existing = IdempotencyRecord.findFresh(key.scope(), keyHash, notBefore);
        if (existing.isPresent()) {
            return replay(existing.get(), key, requestHash);
        }
        IdempotencyRecord.deleteStale(key.scope(), keyHash, notBefore);
        Posted posted = (Posted) invocation.proceed();
        IdempotencyRecord.remember(key.scope(), keyHash, requestHash, posted.outcome().status, posted.location(),
                encrypt(key.key(), serialize(posted.body())), now);
        return posted;
    }

    private static Posted replay(IdempotencyRecord record, IdempotencyKey key, byte[] requestHash) {
        if (!MessageDigest.isEqual(record.requestHash, requestHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request in the last 24 hours");
        }
        return new Posted(Posted.Outcome.ofStatus(record.responseStatus), decrypt(key.key(), record.responseBody),
                record.responseLocation, null, true);
    }

    private static IdempotencyKey keyOf(InvocationContext invocation) {
        return Arrays.stream(invocation.getParameters()).filter(IdempotencyKey.class::isInstance)
                .map(IdempotencyKey.class::cast).findFirst().orElseThrow(() -> new IllegalStateException(
                        invocation.getMethod() + " is @Idempotent but takes no IdempotencyKey"));
    }

    /** The request is every other parameter: a retry must repeat all of them. */
    private byte[] requestOf(InvocationContext invocation) {
        List<Object> request = new ArrayList<>();
        for (Object parameter : invocation.getParameters()) {
            if (!(parameter instanceof IdempotencyKey)) {
                request.add(parameter);
            }
        }
        return request.size() == 1 ? serialize(request.get(0)) : serialize(request);
    }

    private byte[] serialize(Object value) {
        try {
            return value instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : json.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
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
        return new SecretKeySpec(Hashing.sha256("answer " + key), "AES");
    }
}
