package org.newsroom.content.shared.telemetry;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;

/**
 * The trace id of the request being answered (README: Traces and logs): the same 32 hex digits as the
 * {@code traceId} of its log lines and of its problem body, and of its trace in the collector when one is configured.
 */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current span's trace id, or null outside any span (a scheduled job, start-up). */
    public static String current() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? span.getTraceId() : null;
    }
}
