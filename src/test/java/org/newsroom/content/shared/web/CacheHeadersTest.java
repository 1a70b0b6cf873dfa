package org.newsroom.content.shared.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What a shared cache in front of the service sees (issue 11): one Vary line on every kind of answer, naming
 * Accept-Encoding wherever the answer may be compressed, so that a gzip answer and an identity one never share a
 * cache key; the reader page and the OpenAPI document revalidated by ETag.
 */
@QuarkusTest
class CacheHeadersTest {

    /** The kinds of answer, each fetched as a cache would ask for it. */
    private List<String> paths() {
        String section = Fixtures.unique("vary");
        var article = Fixtures.publishedArticle(section);
        long id = ((Number) article.path("id")).longValue();
        return List.of("/api/v1/articles/" + id, "/api/v1/articles?section=" + section,
                "/api/v1/articles/" + id + "/comments", "/feeds/articles.rss", "/feeds/articles.atom",
                "/feeds/articles.json", "/api/v1/articles/no-such-article", "/", "/reader.js", "/reader.css",
                "/q/openapi");
    }

    @Test
    void everyKindOfAnswerHasOneVaryLineNamingAcceptEncoding() {
        for (String path : paths()) {
            for (String encoding : List.of("gzip", "identity")) {
                Response answer = raw().header("Accept-Encoding", encoding).get(path);
                List<String> vary = answer.headers().getValues("Vary");
                assertEquals(1, vary.size(), path + " has one Vary line: " + vary);
                assertTrue(names(vary.get(0)).contains("accept-encoding"), path + ": " + vary);
                assertEquals(names(vary.get(0)).size(), names(vary.get(0)).stream().distinct().count(),
                        path + " names each header once: " + vary);
            }
        }
    }

    @Test
    void articleAndCommentListsVaryOnAcceptAndTheArticleOnAuthorizationToo() {
        String section = Fixtures.unique("vary");
        long id = ((Number) Fixtures.publishedArticle(section).path("id")).longValue();
        for (String accept : List.of("application/json", "text/plain")) {
            assertEquals("Accept, Authorization, Accept-Encoding",
                    raw().accept(accept).get("/api/v1/articles/" + id).header("Vary"), accept);
            assertEquals("Accept, Authorization, Accept-Encoding",
                    raw().accept(accept).get("/api/v1/articles?section=" + section).header("Vary"), accept);
            assertEquals("Accept, Accept-Encoding",
                    raw().accept(accept).get("/api/v1/articles/" + id + "/comments").header("Vary"), accept);
        }
    }

    @Test
    void aNotModifiedAnswerKeepsTheVaryLineOfTheAnswerItStandsFor() {
        long id = ((Number) Fixtures.publishedArticle(Fixtures.unique("vary")).path("id")).longValue();
        String etag = raw().get("/api/v1/articles/" + id).header("ETag");
        Response notModified = raw().header("If-None-Match", etag).get("/api/v1/articles/" + id);
        assertEquals(304, notModified.statusCode());
        assertEquals(List.of("Accept, Authorization, Accept-Encoding"), notModified.headers().getValues("Vary"));
    }

    @Test
    void aGzipAnswerAndAnIdentityAnswerNeverShareACacheKey() {
        // A cache keys an answer on the request headers its Vary names: both answers must name Accept-Encoding,
        // and they differ in Content-Encoding.
        for (String path : paths()) {
            Response gzip = raw().header("Accept-Encoding", "gzip").get(path);
            Response identity = raw().header("Accept-Encoding", "identity").get(path);
            assertTrue(names(gzip.header("Vary")).contains("accept-encoding"), path);
            assertTrue(names(identity.header("Vary")).contains("accept-encoding"), path);
            assertNull(identity.header("Content-Encoding"), path);
            if (gzip.statusCode() == 200) {
                assertEquals("gzip", gzip.header("Content-Encoding"), path + " is compressed when asked");
            }
        }
    }

    @Test
    void aNotAcceptableAnswerVariesOnAccept() {
        Response answer = raw().accept("text/plain").get("/api/v1/sections");
        assertEquals(406, answer.statusCode());
        assertEquals(List.of("Accept, Accept-Encoding"), answer.headers().getValues("Vary"));
    }

    @Test
    void theReaderPageIsRevalidatedRatherThanKeptForADay() {
        for (String path : List.of("/", "/index.html", "/reader.js", "/reader.css")) {
            Response page = raw().get(path);
            assertEquals(200, page.statusCode(), path);
            String cacheControl = page.header("Cache-Control");
            assertEquals("no-cache", cacheControl, path);
            String etag = page.header("ETag");
            assertNotNull(etag, path);
            Response again = raw().header("If-None-Match", etag).get(path);
            assertEquals(304, again.statusCode(), path);
            assertEquals(etag, again.header("ETag"), path);
            assertEquals("no-cache", again.header("Cache-Control"), path);
        }
        assertNotEquals(raw().get("/reader.js").header("ETag"), raw().get("/reader.css").header("ETag"));
        assertTrue(raw().get("/").header("Content-Security-Policy").contains("script-src 'self'"),
                "the reader page keeps its policy");
    }

    @Test
    void theOpenApiDocumentIsCompressedAndValidated() {
        for (String path : List.of("/q/openapi", "/q/openapi?format=json", "/q/openapi.json")) {
            Response document = raw().header("Accept-Encoding", "gzip").get(path);
            assertEquals(200, document.statusCode(), path);
            assertEquals("gzip", document.header("Content-Encoding"), path);
            String etag = document.header("ETag");
            assertNotNull(etag, path);
            assertEquals("no-cache", document.header("Cache-Control"), path);
            Response again = raw().header("If-None-Match", etag).get(path);
            assertEquals(304, again.statusCode(), path);
            assertEquals(etag, again.header("ETag"), path);
        }
        assertNotEquals(raw().get("/q/openapi").header("ETag"), raw().get("/q/openapi.json").header("ETag"),
                "YAML and JSON are two representations");
        assertFalse(given().get("/q/openapi").asString().isBlank());
    }

    /** Requests whose answers are read as sent: nothing decompressed, no Accept-Encoding unless the test sets it. */
    private static RequestSpecification raw() {
        return given().config(RestAssured.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders()));
    }

    private static List<String> names(String vary) {
        assertNotNull(vary, "a Vary header");
        return Arrays.stream(vary.split(",")).map(name -> name.trim().toLowerCase(Locale.ROOT)).toList();
    }
}
