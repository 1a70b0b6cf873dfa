package org.newsroom.content.shared.web;

import java.time.Instant;

/** Tells whether the client already holds the current representation, so that a service can skip building it. */
@FunctionalInterface
public interface Revalidation {

    boolean isCurrent(String etag, Instant lastModified);
}
