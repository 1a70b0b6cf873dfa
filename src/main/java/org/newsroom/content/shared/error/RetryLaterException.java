package org.newsroom.content.shared.error;

/**
 * A problem the client may retry after a while, told in {@code Retry-After} (seconds): too many comments from one
 * address (429), or work this instance cannot take on right now (503).
 */
public class RetryLaterException extends ApiException {

    private final long retryAfterSeconds;

    public RetryLaterException(ErrorCode code, String detail, long retryAfterSeconds) {
        super(code, detail);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
