package org.newsroom.content.shared.web;

import org.newsroom.content.shared.error.ApiException;
import org.newsroom.content.shared.error.ErrorCode;

/** Conditional writes (API.md §3): no {@code If-Match} is a 428, a stale one a 412. */
public final class Preconditions {

    private Preconditions() {
    }

    /** Strong ETags of this service: quoted, never weak. */
    public static String etag(String opaque) {
        return "\"" + opaque + "\"";
    }

    public static void requireMatch(String ifMatch, String currentEtag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new ApiException(ErrorCode.PRECONDITION_REQUIRED,
                    "This write needs an If-Match header with the current ETag (read the resource first)");
        }
        for (String candidate : ifMatch.split(",")) {
            String tag = candidate.trim();
            // If-Match uses the strong comparison (RFC 9110 §13.1.1): a weak tag never matches.
            if (tag.equals("*") || tag.equals(currentEtag)) {
                return;
            }
        }
        throw new ApiException(ErrorCode.PRECONDITION_FAILED,
                "The resource has changed since you read it: its current ETag is " + currentEtag);
    }
}
