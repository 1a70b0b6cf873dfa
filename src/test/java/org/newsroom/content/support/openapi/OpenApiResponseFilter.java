package org.newsroom.content.support.openapi;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

import io.restassured.RestAssured;
import io.restassured.filter.Filter;
import io.restassured.filter.FilterContext;
import io.restassured.response.Response;
import io.restassured.specification.FilterableRequestSpecification;
import io.restassured.specification.FilterableResponseSpecification;

/**
 * A global RestAssured filter: every answer a test receives is held to the OpenAPI document that the same service
 * publishes at {@code /q/openapi} ({@link DocumentedAnswers}). Each mismatch goes to the report
 * ({@link OpenApiValidationExtension}); in {@code enforce} mode it also fails the request, and so the test that sent
 * it.
 *
 * <p>
 * Installed by {@link OpenApiValidationExtension} before each test, in the class loader that runs the test (a
 * {@code @QuarkusTest} runs in Quarkus's own, with its own {@code RestAssured}). {@code support/RawHttp} calls
 * {@link #check} for the answers it reads.
 */
public final class OpenApiResponseFilter implements Filter {

    private static final OpenApiResponseFilter INSTANCE = new OpenApiResponseFilter();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    /** One document per running service (each @QuarkusTest profile restarts the service on another port). */
    private static final Map<String, Optional<DocumentedAnswers>> DOCUMENTS = new ConcurrentHashMap<>();

    private static volatile boolean enforce;
    private static volatile String currentTest = "?";
    private static volatile BiConsumer<String, String> report = (group, detail) -> {
    };

    private OpenApiResponseFilter() {
    }

    /**
     * Called (reflectively, across class loaders) before each test: {@code mode} is {@code report} or
     * {@code enforce}; {@code sink} receives each mismatch (group, detail).
     */
    public static void install(String mode, String test, BiConsumer<String, String> sink) {
        enforce = "enforce".equals(mode);
        currentTest = test;
        report = sink;
        if (!RestAssured.filters().contains(INSTANCE)) {
            RestAssured.filters(INSTANCE);
        }
    }

    @Override
    public Response filter(FilterableRequestSpecification request, FilterableResponseSpecification responseSpec,
            FilterContext context) {
        Response response = context.next(request, responseSpec);
        check(request.getMethod(), request.getURI(), response.statusCode(), response.getContentType(),
                response.asByteArray());
        return response;
    }

    /**
     * The same check for an answer that did not come through RestAssured ({@code support/RawHttp}): {@code uri} is
     * absolute, {@code body} as received after any decoding, or null if the check should not read it.
     */
    public static void check(String method, String uri, int status, String contentType, byte[] body) {
        String origin = origin(uri);
        Optional<DocumentedAnswers> contract = origin == null
                ? Optional.empty()
                : DOCUMENTS.computeIfAbsent(origin, OpenApiResponseFilter::fetch);
        if (contract.isEmpty()) {
            if (DocumentedAnswers.rawPath(uri).startsWith("/api/")) {
                report.accept("(no document) " + origin + "/q/openapi could not be read: API answers unchecked",
                        currentTest + ": " + method + " " + uri);
            }
            return; // not one of our services: nothing to hold it to
        }
        List<DocumentedAnswers.Mismatch> mismatches = contract.get().check(method, DocumentedAnswers.rawPath(uri),
                status,
                contentType, body);
        if (mismatches.isEmpty()) {
            return;
        }
        String test = currentTest;
        StringBuilder failure = new StringBuilder("The answer to " + method + " " + uri + " (" + status
                + ") does not match the OpenAPI document /q/openapi:");
        for (DocumentedAnswers.Mismatch mismatch : mismatches) {
            report.accept(mismatch.group(), test + ": " + method + " " + uri + " -> " + mismatch.detail());
            failure.append("\n  ").append(mismatch.group()).append(" — ").append(mismatch.detail());
        }
        if (enforce) {
            throw new AssertionError(failure + "\n(run with -Dopenapi.validation=report to collect them all in "
                    + "target/openapi-mismatches.txt instead)");
        }
    }

    /** The same check for an answer the JDK's HttpClient received (a String or byte[] body). */
    public static void check(HttpResponse<?> answer) {
        Object body = answer.body();
        byte[] bytes = body instanceof byte[] raw
                ? raw
                : body instanceof String text ? text.getBytes(StandardCharsets.UTF_8) : null;
        check(answer.request().method(), answer.uri().toString(), answer.statusCode(),
                answer.headers().firstValue("Content-Type").orElse(null), bytes);
    }

    private static String origin(String uri) {
        int scheme = uri.indexOf("://");
        if (scheme < 0) {
            return null;
        }
        int slash = uri.indexOf('/', scheme + 3);
        return slash < 0 ? uri : uri.substring(0, slash);
    }

    private static Optional<DocumentedAnswers> fetch(String origin) {
        try {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(origin + "/q/openapi"))
                    .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                return Optional.empty();
            }
            return Optional.of(DocumentedAnswers.parse(answer.body()));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
