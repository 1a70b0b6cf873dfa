package org.newsroom.content.shared.idempotency;

import java.lang.reflect.Parameter;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
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
import org.newsroom.content.shared.metrics.ServiceMetrics;
import org.newsroom.content.shared.security.ServerSecret;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * {@code Idempotency-Key} on POST (docs/http-api.md §5), around every {@link Idempotent} service method. It runs
 * inside the method's transaction (after {@code @Transactional}'s interceptor), so the key's record is written with
 * what the POST makes: an answer is never kept without its effect, nor an effect without its answer. The same key,
 * client and request within 24 hours replays the first answer; another client or another request is a 422; a key
 * whose first request is still running is a 409 (a PostgreSQL advisory lock, so this holds across instances).
 *
 * <p>
 * What is stored cannot be found or read with the database alone: the key is stored as HMAC-SHA256 under a key
 * derived from the server secret ({@code content.secret}), and the answer (which may hold a comment's token) is
 * encrypted under a key derived from the secret and the client's Idempotency-Key, which is not stored. The client is
 * the method's {@code clientAddress} parameter, when it has one (comments and reports; an article's POST is an
 * editor's and has none), stored as an HMAC too. A request that does not match the stored one is run first, so that
 * it gets the same 400, 404, 409 or 429 as with an unknown key (a key cannot be probed with a bad request); only if it
 * would have succeeded is it refused with the 422, which rolls back what it did. A POST that changed nothing (a
 * client's second report of a comment) is not remembered.
 */
@Idempotent
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 300)
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    /** Answers are kept this long; the purge (comment/DataRetention) deletes older ones. */
    public static final Duration KEPT_FOR = Duration.ofHours(24);
    /**
     * The parameter of an {@link Idempotent} method that names the client, when it has one (found by name: the
     * compiler keeps parameter names, {@code <parameters>true</parameters>} in the pom).
     */
    static final String CLIENT_PARAMETER = "clientAddress";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final ObjectMapper json;
    private final Clock clock;
    private final ServerSecret secret;
    private final ServiceMetrics metrics;

    public Idempotency(ObjectMapper json, Clock clock, ServerSecret secret, ServiceMetrics metrics) {
        this.json = json;
        this.clock = clock;
        this.secret = secret;
        this.metrics = metrics;
    }

    @AroundInvoke
    Object runOnce(InvocationContext invocation) throws Exception {
        IdempotencyKey key = keyOf(invocation);
        if (!key.isPresent()) {
            return invocation.proceed();
        }
        byte[] keyHash = secret.mac("idempotency key", utf8(key.scope() + "\n" + key.key()));
        byte[] requestHash = Hashing.sha256(requestOf(invocation));
        byte[] clientHash = secret.mac("idempotency client", utf8(String.valueOf(clientOf(invocation))));
        if (!IdempotencyRecord.tryLock(key.scope(), keyHash)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_IN_PROGRESS,
                    "A request with this Idempotency-Key is still being processed; retry in a moment");
        }
        Instant now = Time.now(clock);
        Instant notBefore = now.minus(KEPT_FOR);
        Optional<IdempotencyRecord> stored = IdempotencyRecord.findByKey(key.scope(), keyHash);
        Optional<IdempotencyRecord> existing = stored.filter(record -> !record.isOlderThan(notBefore));
        if (existing.isPresent() && existing.get().answers(clientHash, requestHash)) {
            metrics.idempotentReplay();
            return replay(existing.get(), answerKey(key));
        }
        Posted posted = (Posted) invocation.proceed();
        if (existing.isPresent()) {
            // Valid, but not the request (or not the client) this key was first used for: what it did is rolled back.
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was used with a different request in the last 24 hours");
        }
        if (posted.changed()) {
            if (stored.isPresent()) {
                // The key's answer from more than 24 hours ago (a fresh one was replayed or refused above): it makes
                // way. Deleted only when there is one, so that a new key costs no statement here.
                IdempotencyRecord.deleteStale(key.scope(), keyHash, notBefore);
            }
            IdempotencyRecord.remember(key.scope(), keyHash, clientHash, requestHash, posted.outcome().status,
                    posted.location(), encrypt(answerKey(key), serialize(posted.body())), now);
        }
        return posted;
    }

    private static Posted replay(IdempotencyRecord record, SecretKeySpec answerKey) {
        return new Posted(Posted.Outcome.ofStatus(record.responseStatus), decrypt(answerKey, record.responseBody),
                record.responseLocation, null, true, true);
    }

    /** The value of the method's {@code clientAddress} parameter (null when it has none): whom answers belong to. */
    private static Object clientOf(InvocationContext invocation) {
        Parameter[] declared = invocation.getMethod().getParameters();
        for (int i = 0; i < declared.length; i++) {
            if (declared[i].getName().equals(CLIENT_PARAMETER)) {
                return invocation.getParameters()[i];
            }
        }
        return null;
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

    /**
     * AES-GCM under HMAC(secret, scope and Idempotency-Key): the stored answer is readable only with the client's key
     * and the server's secret.
     */
    private static byte[] encrypt(SecretKeySpec answerKey, byte[] plain) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, answerKey, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] decrypt(SecretKeySpec answerKey, byte[] stored) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, answerKey, new GCMParameterSpec(128, Arrays.copyOf(stored, 12)));
            return cipher.doFinal(stored, 12, stored.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private SecretKeySpec answerKey(IdempotencyKey key) {
        return new SecretKeySpec(secret.mac("idempotency answer", utf8(key.scope() + "\n" + key.key())), "AES");
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
