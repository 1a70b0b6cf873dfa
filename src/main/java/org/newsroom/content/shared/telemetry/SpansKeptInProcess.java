package org.newsroom.content.shared.telemetry;

import java.util.Collection;

import jakarta.inject.Singleton;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.quarkus.arc.Unremovable;
import io.quarkus.arc.lookup.LookupIfProperty;

/**
 * Traces without a collector (README: Traces and logs): while no OTLP endpoint is configured, spans are made (every
 * request has a trace id, in its log lines and problem bodies) and dropped here, and nothing is sent anywhere.
 * <p>
 * Why a bean: Quarkus (3.33) installs its own OTLP exporter only when the application has no {@link SpanExporter} bean
 * ({@code OTelExporterRecorder}: {@code Instance<SpanExporter>.isUnsatisfied()}), and uses the application's beans
 * instead otherwise. Its OTLP exporter, once installed, sends to {@code http://localhost:4317} when no endpoint is
 * set, and with nothing listening logs a warning every few seconds; whether it is installed at all
 * ({@code quarkus.otel.exporter.otlp.enabled}) is fixed at build time. So application.properties says "no endpoint"
 * as {@value #NO_ENDPOINT} (a URL, which Quarkus checks even when it sends nothing; {@code .invalid} never resolves,
 * RFC 2606), and this bean can be looked up only while the traces endpoint (which falls back to that one) is that
 * value: setting {@code QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT} (or
 * {@code ..._TRACES_ENDPOINT}) makes it invisible, and Quarkus's OTLP exporter sends the spans there.
 */
@Singleton
@Unremovable
@LookupIfProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", stringValue = SpansKeptInProcess.NO_ENDPOINT)
public class SpansKeptInProcess implements SpanExporter {

    /** The endpoint setting that means "no collector" (application.properties). */
    public static final String NO_ENDPOINT = "http://no-collector.invalid";

    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
        return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
        return CompletableResultCode.ofSuccess();
    }
}
