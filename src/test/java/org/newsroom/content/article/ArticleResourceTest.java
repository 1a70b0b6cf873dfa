package org.newsroom.content.article;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.newsroom.content.support.ProblemAssertions.PROBLEM;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hamcrest.MatcherAssert;
import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

@QuarkusTest
class ArticleResourceTest {

    @Test
    void createsAnArticleFromJsonWithLocationAndEtag() {
        String headline = Fixtures.unique("Harbour cranes return");
        ExtractableResponse<Response> created = given().auth().oauth2(TestTokens.editor())
                .contentType(ContentType.JSON)
                .body(Map.of("headline", headline, "subheadline", "Two cranes", "dateline", "OSLO", "section", "local",
                        "tags", List.of("ports"), "paragraphs", List.of(
                                Map.of("type", "paragraph", "text", "The cranes are back."),
                                Map.of("type", "blockquote", "text", "Finally.", "attribution", "A docker"))))
                .post("/api/v1/articles")
                .then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString("/api/v1/articles/"))
                .header("ETag", startsWith("\"a"))
                .header("Cache-Control", "private, no-store")
                .body("slug", equalTo(Slugs.fromHeadline(headline)))
                .body("headline", equalTo(headline))
                .body("status", equalTo("draft"))
                .body("publishedAt", nullValue())
                .body("tags", contains("ports"))
                .body("commentsOpen", is(true))
                .body("paragraphCount", equalTo(2))
                .body("paragraphs.position", contains(1, 2))
                .body("paragraphs.type", contains("paragraph", "blockquote"))
                .body("paragraphs[1].attribution", equalTo("A docker"))
                .extract();
        String location = created.header("Location");
        long id = created.jsonPath().getLong("id");
        assertEquals("/api/v1/articles/" + id, location.substring(location.indexOf("/api/")));
    }

    @Test
    void readsAPublishedArticleByIdAndBySlugWithValidators() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle("world");
        long id = created.jsonPath().getLong("id");
        String slug = created.jsonPath().getString("slug");
        String etag = given().get("/api/v1/articles/{ref}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                .header("Last-Modified", notNullValue())
                .header("Vary", containsString("Accept"))
                .body("id", equalTo((int) id))
                .body("paragraphs", hasSize(3))
                .body("paragraphCount", equalTo(3))
                .extract().header("ETag");
        given().get("/api/v1/articles/{ref}", slug).then().statusCode(200).header("ETag", etag).body("slug",
                equalTo(slug));
    }

    @Test
    void answersNotModifiedWithoutABodyForTheCurrentEtag() {
        long id = Fixtures.publishedArticle("revalidating").jsonPath().getLong("id");
        ExtractableResponse<Response> first = given().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .extract();
        given().header("If-None-Match", first.header("ETag")).get("/api/v1/articles/{id}", id).then()
                .statusCode(304).header("ETag", first.header("ETag")).body(emptyOrNullString());
        given().header("If-Modified-Since", first.header("Last-Modified")).get("/api/v1/articles/{id}", id).then()
                .statusCode(304);
        given().header("If-None-Match", "\"a" + id + ".999\"").get("/api/v1/articles/{id}", id).then()
                .statusCode(200);
    }

    @Test
    void hidesDraftsAndScheduledArticlesFromReadersButNotFromEditors() {
        long draft = Fixtures.draftArticle().jsonPath().getLong("id");
        long scheduled = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Tomorrow"), "status", "published",
                "publishedAt", Instant.now().plusSeconds(86_400).toString())).jsonPath().getLong("id");
        for (long id : List.of(draft, scheduled)) {
            problem(given().get("/api/v1/articles/{id}", id).then(), "NOT_FOUND", "/api/v1/articles/" + id);
            given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", id).then().statusCode(200)
                    .header("Cache-Control", "private, no-store");
        }
    }

    @Test
    void answersTheWholeProblemForAnInvalidArticle() {
        given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("headline", " ", "slug", "Not A Slug", "paragraphs",
                        List.of(Map.of("type", "poem", "text", "x"))))
                .post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("detail", equalTo("3 fields are invalid"))
                .body("instance", equalTo("/api/v1/articles"))
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("headline", "paragraphs[0].type", "slug"))
                .body("errors.message", contains("must not be blank",
                        BlockTypes.MESSAGE, Slugs.MESSAGE));
    }

    @Test
    void refusesAnAttributionOnAPlainParagraph() {
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("headline", "Attributed", "paragraphs",
                        List.of(Map.of("type", "paragraph", "text", "x", "attribution", "me"))))
                .post("/api/v1/articles").then(), "VALIDATION_FAILED", "/api/v1/articles")
                .body("errors[0].field", equalTo("paragraphs[0].attribution"));
    }

    @Test
    void refusesUnknownFieldsAndMalformedJson() {
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body("{\"headline\":\"x\",\"colour\":\"red\"}").post("/api/v1/articles").then(),
                "VALIDATION_FAILED", "/api/v1/articles")
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].message", equalTo("is not a known field"));
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body("{\"headline\":").post("/api/v1/articles").then(), "MALFORMED_REQUEST", "/api/v1/articles");
    }

    @Test
    void refusesAnonymousWritersAndTheWrongRole() {
        Map<String, Object> body = Map.of("headline", "Nope");
        problem(given().contentType(ContentType.JSON).body(body).post("/api/v1/articles").then(), "UNAUTHENTICATED",
                "/api/v1/articles")
                .header("WWW-Authenticate", "Bearer");
        problem(given().auth().oauth2(TestTokens.forged()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles").then(), "UNAUTHENTICATED", "/api/v1/articles");
        problem(given().auth().oauth2(TestTokens.moderator()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles").then(), "FORBIDDEN", "/api/v1/articles");
    }

    @Test
    void derivesAFreeSlugAndRefusesATakenOne() {
        String headline = Fixtures.unique("Same headline");
        String first = Fixtures.createArticle(Map.of("headline", headline)).jsonPath().getString("slug");
        String second = Fixtures.createArticle(Map.of("headline", headline)).jsonPath().getString("slug");
        assertEquals(first + "-2", second);
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                .body(Map.of("headline", "x", "slug", first)).post("/api/v1/articles").then(), "CONFLICT",
                "/api/v1/articles");
    }

    @Test
    void replacesWithIfMatchAndRefusesMissingOrStaleEtags() {
        ExtractableResponse<Response> created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        String etag = created.header("ETag");
        Map<String, Object> replacement = Map.of("headline", "Replaced", "status", "published", "paragraphs",
                List.of(Map.of("type", "heading", "text", "New body")));

        String path = "/api/v1/articles/" + id;
        problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body(replacement).put(path)
                .then(), "PRECONDITION_REQUIRED", path);
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", "\"a" + id + ".999\"")
                .contentType(ContentType.JSON).body(replacement).put(path).then(), "PRECONDITION_FAILED", path);

        String newEtag = given().auth().oauth2(TestTokens.editor()).header("If-Match", etag)
                .contentType(ContentType.JSON).body(replacement).put("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("headline", equalTo("Replaced"))
                .body("status", equalTo("published"))
                .body("publishedAt", notNullValue())
                .body("slug", equalTo(created.jsonPath().getString("slug")))
                .body("paragraphs.text", contains("New body"))
                .extract().header("ETag");
        assertNotEquals(etag, newEtag);
        // The first writer's ETag is now stale: a second write with it cannot silently overwrite.
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", etag).contentType(ContentType.JSON)
                .body(replacement).put(path).then(), "PRECONDITION_FAILED", path);
        given().get("/api/v1/articles/{id}", id).then().statusCode(200).body("headline", equalTo("Replaced"));
    }

    @Test
    void mergePatchesMetadataWithoutTouchingTheBody() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle("patching");
        long id = created.jsonPath().getLong("id");
        List<Integer> paragraphIds = created.jsonPath().getList("paragraphs.id");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .contentType("application/merge-patch+json")
                .body("{\"subheadline\":\"Now with a subheadline\",\"tags\":null,\"commentsOpen\":false}")
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("subheadline", equalTo("Now with a subheadline"))
                .body("tags", hasSize(0))
                .body("commentsOpen", is(false))
                .body("headline", equalTo(created.jsonPath().getString("headline")))
                .body("paragraphs.id", equalTo(paragraphIds));
    }

    @Test
    void refusesAnInvalidMergePatch() {
        ExtractableResponse<Response> created = Fixtures.draftArticle();
        long id = created.jsonPath().getLong("id");
        String path = "/api/v1/articles/" + id;
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .contentType("application/merge-patch+json").body("{\"headline\":null}").patch(path).then(),
                "VALIDATION_FAILED", path)
                .body("errors[0].field", equalTo("headline"));
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .contentType("application/merge-patch+json").body("{\"commentsOpen\":\"maybe\"}").patch(path)
                .then(), "VALIDATION_FAILED", path)
                .body("errors[0].field", equalTo("commentsOpen"));
        problem(given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .contentType(ContentType.JSON).body("{}").patch(path).then(), "UNSUPPORTED_MEDIA_TYPE", path);
    }

    @Test
    void deletesWithIfMatchAfterWhichNeitherItNorItsCommentsAreFound() {
        ExtractableResponse<Response> created = Fixtures.publishedArticle("deleting");
        long id = created.jsonPath().getLong("id");
        int comment = given().contentType(ContentType.JSON).body(Map.of("authorName", "A", "body", "B"))
                .post("/api/v1/articles/{id}/comments", id).then().statusCode(201).extract().path("id");
        String path = "/api/v1/articles/" + id;
        problem(given().auth().oauth2(TestTokens.editor()).delete(path).then(), "PRECONDITION_REQUIRED", path);
        given().auth().oauth2(TestTokens.editor()).header("If-Match", created.header("ETag"))
                .delete(path).then().statusCode(204).body(emptyOrNullString());
        problem(given().get(path).then(), "NOT_FOUND", path);
        problem(given().get("/api/v1/comments/{id}", comment).then(), "NOT_FOUND", "/api/v1/comments/" + comment);
    }

    @Test
    void importsThePlainTextFormatAndExportsItBackUnchanged() {
        String text = Fixtures.resource("/articles/headings-and-quotes.txt");
        ExtractableResponse<Response> created = given().auth().oauth2(TestTokens.editor())
                .contentType("text/plain; charset=utf-8").body(text).post("/api/v1/articles")
                .then().statusCode(201).body("status", equalTo("draft")).extract();
        ArticleText.Document expected = ArticleText.parse(text);
        assertEquals(expected.headline(), created.jsonPath().getString("headline"));
        assertEquals(expected.dateline(), created.jsonPath().getString("dateline"));
        assertEquals(expected.blocks().size(), created.jsonPath().getInt("paragraphCount"));

        String exported = given().auth().oauth2(TestTokens.editor()).accept("text/plain")
                .get("/api/v1/articles/{id}", created.jsonPath().getLong("id"))
                .then().statusCode(200).contentType(containsString("text/plain"))
                .header("ETag", containsString(".txt"))
                .extract().asString();
        assertEquals(text, exported);
        assertEquals(expected, ArticleText.parse(exported));
    }

    @Test
    void refusesATextArticleWithoutAHeadline() {
        problem(given().auth().oauth2(TestTokens.editor()).contentType("text/plain").body("\n\nbody only\n")
                .post("/api/v1/articles").then(), "MALFORMED_REQUEST", "/api/v1/articles")
                .body("detail", startsWith("line 1"));
    }

    @Test
    void walksFortyFiveArticlesInPagesOfTwentyEachOnceInOrder() {
        String section = Fixtures.unique("walk");
        Instant base = Instant.parse("2024-01-01T00:00:00Z");
        List<Integer> expected = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            // Pairs share a publication instant, so the id must break ties for the walk to be stable.
            Map<String, Object> body = new HashMap<>(Map.of("headline", "Walk " + i, "section", section, "status",
                    "published", "publishedAt", base.plusSeconds(i / 2 * 60).toString()));
            expected.add(Fixtures.createArticle(body).jsonPath().getInt("id"));
        }
        List<Integer> seen = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParam("section", section).queryParam("limit", 20);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            ExtractableResponse<Response> page = request.get("/api/v1/articles").then().statusCode(200).extract();
            List<Integer> ids = page.jsonPath().getList("items.id");
            seen.addAll(ids);
            pageSizes.add(ids.size());
            cursor = page.jsonPath().getString("nextCursor");
            if (cursor != null) {
                String link = page.header("Link");
                MatcherAssert.assertThat(link, containsString("rel=\"next\""));
                MatcherAssert.assertThat(link, containsString("section=" + section));
            } else {
                assertNull(page.header("Link"));
            }
        } while (cursor != null);
        assertEquals(List.of(20, 20, 5), pageSizes);
        // Newest first: later publication first, and within one instant the higher id first.
        List<Integer> sorted = new ArrayList<>(expected);
        sorted.sort((a, b) -> {
            int ia = expected.indexOf(a);
            int ib = expected.indexOf(b);
            int byTime = Integer.compare(ib / 2, ia / 2);
            return byTime != 0 ? byTime : Integer.compare(b, a);
        });
        assertEquals(sorted, seen);
    }

    @Test
    void refusesUnknownParametersBadValuesAndForeignCursors() {
        String list = "/api/v1/articles";
        problem(given().get("/api/v1/articles?colour=red").then(), "UNKNOWN_PARAMETER", list)
                .body("detail", containsString("colour"));
        problem(given().get("/api/v1/articles?limit=101").then(), "VALIDATION_FAILED", list)
                .body("errors[0].field", equalTo("limit"));
        problem(given().get("/api/v1/articles?sort=sideways").then(), "VALIDATION_FAILED", list)
                .body("errors[0].field", equalTo("sort"));
        problem(given().get("/api/v1/articles?from=yesterday").then(), "VALIDATION_FAILED", list)
                .body("errors[0].field", equalTo("from"));
        problem(given().get("/api/v1/articles?cursor=tampered.value").then(), "VALIDATION_FAILED", list)
                .body("errors[0].field", equalTo("cursor"));
        // A genuine cursor, but given out by the oldest-first list: the newest-first list refuses it.
        String section = Fixtures.unique("foreign");
        for (int i = 0; i < 2; i++) {
            Fixtures.createArticle(Map.of("headline", "Foreign " + i, "section", section, "status", "published",
                    "publishedAt", Instant.parse("2024-02-01T00:00:00Z").plusSeconds(i).toString()));
        }
        String oldestCursor = given().queryParam("section", section).queryParam("sort", "oldest")
                .queryParam("limit", 1).get(list).then().statusCode(200).extract().jsonPath().getString("nextCursor");
        problem(given().queryParam("section", section).queryParam("sort", "newest").queryParam("cursor", oldestCursor)
                .get(list).then(), "VALIDATION_FAILED", list)
                .body("errors[0].field", equalTo("cursor"));
        problem(given().get("/api/v1/articles?status=draft").then(), "UNAUTHENTICATED", list);
        problem(given().auth().oauth2(TestTokens.moderator()).get("/api/v1/articles?status=draft").then(),
                "FORBIDDEN", list);
        given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles?status=draft").then().statusCode(200)
                .header("Cache-Control", "private, no-store").body("items.status", not(hasSize(0)));
    }

    @Test
    void exportsAnArticleWhoseDatelineTheTextFormatCannotCarryWithTheDatelineAsWords() {
        // JSON takes any one-line dateline; the text format reads back only upper-case ones.
        Map<String, Object> body = Map.of("headline", "Talks resume", "dateline", "Tehran", "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Talks began again on Monday.")));
        long id = given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/articles").then().statusCode(201).extract().jsonPath().getLong("id");
        given().auth().oauth2(TestTokens.editor()).accept("text/plain").get("/api/v1/articles/{id}", id).then()
                .statusCode(200).contentType(startsWith("text/plain"))
                .body(equalTo("Talks resume\n\n\nTehran \u2013 Talks began again on Monday.\n"));
    }
}
