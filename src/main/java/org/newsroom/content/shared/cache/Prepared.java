package org.newsroom.content.shared.cache;

import java.time.Instant;

/**
 * What the response filter made of a representation for the cache: its bytes, their gzip variant (null when its type
 * is not compressed) and when a scheduled article may change it (null when none can).
 */
record Prepared(byte[] body, byte[] gzipped, Instant validUntil) {
}
