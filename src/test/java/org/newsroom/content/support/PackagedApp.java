package org.newsroom.content.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application ({@code target/quarkus-app/quarkus-run.jar}) started by a test as a separate process, as an
 * operator would start it: with exactly the settings given (as {@code -D} options) and nothing from the environment
 * that runs the build. Give it {@code quarkus.http.port=0} and it listens on a free port, read from its log
 * ({@link #port()}). Its output is kept ({@link #output()}).
 */
public final class PackagedApp implements AutoCloseable {

    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    /** How long a start may take on the shared 2-core machine. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:]+:(\\d+)");

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final CountDownLatch listening = new CountDownLatch(1);
    private final Thread reader;
    private volatile int port = -1;

    private PackagedApp(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "packaged-app-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the jar with {@code settings} and answers at once (it may still start, or refuse to). */
    public static PackagedApp launch(Map<String, String> settings) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException("package the application first (mvn package): no " + JAR.toAbsolutePath());
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        settings.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        // Only what the test gives: nothing from the environment that runs the build.
        builder.environment().keySet().removeIf(name -> name.startsWith("QUARKUS_") || name.startsWith("MP_JWT")
                || name.startsWith("CONTENT_") || name.startsWith("SMALLRYE_"));
        try {
            return new PackagedApp(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + JAR, e);
        }
    }

    /**
     * Starts the jar with {@code settings} and answers once it listens; if it does not within
     * {@link #START_TIMEOUT}, stops it and fails with its output.
     */
    public static PackagedApp start(Map<String, String> settings) {
        PackagedApp app = launch(settings);
        if (!app.awaitListening(START_TIMEOUT)) {
            boolean ended = !app.process().isAlive();
            app.stop();
            throw new AssertionError("The packaged application "
                    + (ended
                            ? "stopped (exit code " + app.process().exitValue() + ") before it listened"
                            : "did not listen within " + START_TIMEOUT.toSeconds() + " s")
                    + ":\n" + app.outputText());
        }
        return app;
    }

    /** Whether it logged that it listens within {@code timeout} (false at once if it ended before). */
    public boolean awaitListening(Duration timeout) {
        try {
            return listening.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && port > 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Whether the process ended within {@code timeout}; if so, its whole output has been read. */
    public boolean awaitExit(Duration timeout) throws InterruptedException {
        boolean ended = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (ended) {
            reader.join(TimeUnit.SECONDS.toMillis(10));
        }
        return ended;
    }

    /** Asks it to stop (SIGTERM), then kills it if it has not ended after a while. */
    public void stop() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    /** The port it listens on (from its log), once {@link #awaitListening} said so. */
    public int port() {
        if (port <= 0) {
            throw new IllegalStateException("not listening (yet):\n" + outputText());
        }
        return port;
    }

    /** The operating-system process id: the JVM's {@code ProcessHandle.current().pid()}. */
    public long pid() {
        return process.pid();
    }

    public Process process() {
        return process;
    }

    /** Its output so far, line by line (stdout and stderr together). */
    public List<String> output() {
        return output;
    }

    public String outputText() {
        return String.join("\n", output);
    }

    private void readOutput() {
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                output.add(line);
                Matcher listens = LISTENING.matcher(line);
                if (port <= 0 && listens.find()) {
                    port = Integer.parseInt(listens.group(1));
                    listening.countDown();
                }
            }
        } catch (IOException e) {
            output.add("(output ended: " + e + ")");
        } finally {
            // Ended without listening: whoever waits need not wait for the timeout.
            listening.countDown();
        }
    }
}
