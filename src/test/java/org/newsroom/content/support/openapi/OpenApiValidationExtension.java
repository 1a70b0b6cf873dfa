package org.newsroom.content.support.openapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Holds every answer the tests receive through RestAssured to the service's own OpenAPI document
 * ({@link OpenApiResponseFilter}). Registered for every test class through
 * {@code META-INF/services/org.junit.jupiter.api.extension.Extension} (quarkus-junit turns JUnit's extension
 * autodetection on).
 *
 * <p>
 * {@code -Dopenapi.validation=enforce} fails the test that received a mismatching answer; {@code report} (the
 * default, {@link #DEFAULT_MODE}) only writes the mismatches, grouped, to {@code target/openapi-mismatches.txt}
 * (another file with {@code -Dopenapi.validation.report=...}; the ITs write {@code openapi-mismatches-it.txt});
 * {@code off} does not check.
 */
public final class OpenApiValidationExtension implements BeforeEachCallback {

    /** The mode when -Dopenapi.validation is not given. */
    static final String DEFAULT_MODE = "enforce";
    private static final int EXAMPLES_PER_GROUP = 3;

    private static final Map<String, List<String>> GROUPS = new TreeMap<>();
    private static int total;
    private static Path reportFile;

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        String mode = System.getProperty("openapi.validation", DEFAULT_MODE);
        if (mode.equals("off")) {
            return;
        }
        if (!mode.equals("report") && !mode.equals("enforce")) {
            throw new IllegalArgumentException("-Dopenapi.validation must be report, enforce or off, not " + mode);
        }
        startReport(mode);
        // The filter must live in the class loader that runs the test (Quarkus's, for a @QuarkusTest): its
        // RestAssured is the one the test calls.
        Class<?> filter = Class.forName(OpenApiResponseFilter.class.getName(), true,
                context.getRequiredTestClass().getClassLoader());
        Method install = filter.getMethod("install", String.class, String.class, BiConsumer.class);
        BiConsumer<String, String> sink = OpenApiValidationExtension::record;
        install.invoke(null, mode, context.getRequiredTestClass().getSimpleName() + "." + context.getDisplayName(),
                sink);
    }

    private static synchronized void startReport(String mode) {
        if (reportFile == null) {
            reportFile = Path.of(System.getProperty("openapi.validation.report", "target/openapi-mismatches.txt"));
            write(mode);
        }
    }

    private static synchronized void record(String group, String detail) {
        total++;
        List<String> examples = GROUPS.computeIfAbsent(group, key -> new ArrayList<>());
        examples.add(detail);
        write(System.getProperty("openapi.validation", DEFAULT_MODE));
    }

    private static void write(String mode) {
        StringBuilder text = new StringBuilder();
        text.append("# Answers the tests received that do not match the service's OpenAPI document (/q/openapi)\n");
        text.append("# mode: ").append(mode).append("; ").append(total).append(" mismatches in ")
                .append(GROUPS.size()).append(" groups\n");
        GROUPS.forEach((group, details) -> {
            text.append("\n## ").append(group).append("  (").append(details.size()).append(")\n");
            details.stream().limit(EXAMPLES_PER_GROUP)
                    .forEach(detail -> text.append("   ").append(detail).append('\n'));
        });
        try {
            if (reportFile.getParent() != null) {
                Files.createDirectories(reportFile.getParent());
            }
            Files.writeString(reportFile, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
