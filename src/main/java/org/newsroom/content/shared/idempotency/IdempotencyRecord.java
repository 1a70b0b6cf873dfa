package org.newsroom.content.shared.idempotency;

import java.io.Serializable;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The first answer to a POST, kept under the HMAC of its Idempotency-Key with the HMAC of the client that sent it (see
 * the V2 and V7 migrations).
 */
@Entity
@Table(name = "idempotency_key")
public class IdempotencyRecord extends PanacheEntityBase {

    @EmbeddedId
    public Id id;

    @Column(name = "request_hash")
    public byte[] requestHash;

    /** Whose answer it is: HMAC of the client address (NULL for rows from before V7, which no key finds anymore). */
    @Column(name = "client_hash")
    public byte[] clientHash;

    @Column(name = "response_status")
    public int responseStatus;

    @Column(name = "response_location")
    public String responseLocation;

    /** Encrypted with a key derived from the Idempotency-Key, which is not stored. */
    @Column(name = "response_body")
    public byte[] responseBody;

    @Column(name = "created_at")
    public Instant createdAt;

    /** The answer stored for this key, however old (the caller tells a fresh one from a stale one). */
    public static Optional<IdempotencyRecord> findByKey(String scope, byte[] keyHash) {
        return find("id.scope = ?1 and id.keyHash = ?2", scope, keyHash).firstResultOptional();
    }

    public boolean isOlderThan(Instant notBefore) {
        return createdAt.isBefore(notBefore);
    }

    /** Whether this is the answer to this client's request (both compared in constant time). */
    public boolean answers(byte[] client, byte[] request) {
        return clientHash != null && MessageDigest.isEqual(clientHash, client)
                & MessageDigest.isEqual(requestHash, request);
    }

    public static void remember(String scope, byte[] keyHash, byte[] clientHash, byte[] requestHash, int status,
            String location, byte[] sealedBody, Instant now) {
        IdempotencyRecord record = new IdempotencyRecord();
        record.id = new Id(scope, keyHash);
        record.clientHash = clientHash;
        record.requestHash = requestHash;
        record.responseStatus = status;
        record.responseLocation = location;
        record.responseBody = sealedBody;
        record.createdAt = now;
        record.persist();
    }

    public static void deleteStale(String scope, byte[] keyHash, Instant notBefore) {
        delete("id.scope = ?1 and id.keyHash = ?2 and createdAt < ?3", scope, keyHash, notBefore);
    }

    /**
     * Takes the key for this transaction without waiting: false when another request holding the same key is still
     * being processed. The lock goes with the transaction, so a crashed request never leaves a key stuck.
     */
    public static boolean tryLock(String scope, byte[] keyHash) {
        Object locked = getEntityManager()
                .createNativeQuery("select pg_try_advisory_xact_lock(hashtextextended(:lock, 0))")
                .setParameter("lock", "idempotency " + scope + " " + HexFormat.of().formatHex(keyHash))
                .getSingleResult();
        return Boolean.TRUE.equals(locked);
    }

    /** Deletes up to {@code batch} answers older than {@code notBefore}; answers how many. */
    public static int purgeOlderThan(Instant notBefore, int batch) {
        return getEntityManager().createNativeQuery("delete from idempotency_key where ctid in (select ctid from"
                + " idempotency_key where created_at < :notBefore limit :batch)").setParameter("notBefore", notBefore)
                .setParameter("batch", batch).executeUpdate();
    }

    @Embeddable
    public static class Id implements Serializable {

        public String scope;

        @Column(name = "key_hash")
        public byte[] keyHash;

        public Id() {
        }

        public Id(String scope, byte[] keyHash) {
            this.scope = scope;
            this.keyHash = keyHash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Id id && Objects.equals(scope, id.scope) && Arrays.equals(keyHash, id.keyHash);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(scope) + Arrays.hashCode(keyHash);
        }
    }
}
