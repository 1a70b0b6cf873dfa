package org.newsroom.content.shared.telemetry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import org.jboss.logmanager.ExtLogRecord;
import org.jboss.logmanager.Logger;

/** The log records of this JVM (the application under {@code @QuarkusTest}) while it is open, with their MDC. */
final class LogCapture extends Handler implements AutoCloseable {

    record Line(String category, String message, String mdcTraceId) {
    }

    private final Logger root = Logger.getLogger("");
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    LogCapture() {
        root.addHandler(this);
    }

    List<Line> lines() {
        return lines;
    }

    @Override
    public void publish(LogRecord record) {
        String traceId = record instanceof ExtLogRecord ext ? ext.getMdc("traceId") : null;
        String message = record instanceof ExtLogRecord ext ? ext.getFormattedMessage() : record.getMessage();
        lines.add(new Line(record.getLoggerName(), message, traceId));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
        root.removeHandler(this);
    }
}
