package org.newsroom.content.shared.idempotency;

import org.newsroom.content.shared.error.ApiException;

/**
 * A client's {@code Idempotency-Key} for one endpoint ({@code scope}: its method and path), or none. A service method
 * marked {@link Idempotent} takes one as a parameter.
 */
public record IdempotencyKey(String scope, String key) {

    /** Long enough not to be guessed (a UUID has 36 characters): another client's key cannot be hit by trying. */
    private static final int MIN_KEY_LENGTH = 16;
    private static final int MAX_KEY_LENGTH = 255;

    public static IdempotencyKey of(String scope, String key) {
        if (key != null
                && (key.length() < MIN_KEY_LENGTH || key.length() > MAX_KEY_LENGTH
                        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f))) {
            throw ApiException.invalid(Idempotency.HEADER, "must be 16 to 255 visible ASCII characters (a UUID, say)");
        }
        return new IdempotencyKey(scope, key);
    }

    public boolean isPresent() {
        return key != null;
    }
}
