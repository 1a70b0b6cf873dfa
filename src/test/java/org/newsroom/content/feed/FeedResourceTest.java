package org.newsroom.content.feed;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.io.StringReader;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** The three feeds, each parsed back with a real library: ROME for RSS and Atom, Jackson for JSON Feed. */
@QuarkusTest
class FeedResourceTest {

    private static final String RSS = "/feeds/articles.rss";
    private static final String ATOM = "/feeds/articles.atom";
    private static final String JSON = "/feeds/articles.json";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final String HEADLINE_WITH_MARKUP = "Tom & Jerry <script>alert(1)</script>";
    private static final String TEXT_WITH_MARKUP = "Use <b>bold</b> & \"quotes\" 'too' > less";

    // ---- every field

    @Test
    void rssFeedCarriesEveryFieldOfAnArticleWithItsFullText() throws Exception {
        String section = Fixtures.unique("feed");
        Map<String, Object> created = fullArticle(section);
        SyndFeed feed = parse(get(RSS, section));
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals("News content", feed.getTitle());
        assertEquals(base() + "/", feed.getLink());
        assertTrue(feed.getDescription().contains(section), feed.getDescription());
        String selfLink = feed.getForeignMarkup().stream()
                .filter(e -> e.getName().equals("link") && "self".equals(e.getAttributeValue("rel")))
                .map(e -> e.getAttributeValue("href")).findFirst().orElseThrow();
        assertEquals(base() + RSS + "?section=" + section, selfLink);
        assertEquals(1, feed.getEntries().size());
        SyndEntry entry = feed.getEntries().get(0);
        String url = articleUrl(created);
        assertEquals(created.get("headline"), entry.getTitle());
        assertEquals(url, entry.getLink());
        assertEquals(itemId(created), entry.getUri(), "the guid");
        assertEquals(secondOf(created.get("publishedAt")), entry.getPublishedDate().toInstant());
        assertEquals("Kari Nordmann", entry.getAuthor());
        assertEquals(List.of(section, "harbour", "cranes"), names(entry.getCategories()));
        // RSS descriptions are HTML to readers: the excerpt is escaped into it.
        assertEquals("text/html", entry.getDescription().getType());
        assertEquals(FeedItem.escape("The cranes are back & busy."), entry.getDescription().getValue());
        assertEquals(1, entry.getContents().size());
        assertEquals(expectedHtml(), entry.getContents().get(0).getValue());
    }

    @Test
    void atomFeedCarriesEveryFieldOfAnArticleWithItsFullText() throws Exception {
        String section = Fixtures.unique("feed");
        Map<String, Object> created = fullArticle(section);
        SyndFeed feed = parse(get(ATOM, section));
        assertEquals("atom_1.0", feed.getFeedType());
        assertEquals("News content", feed.getTitle());
        // (ROME's getLink() of an Atom feed answers its id; the links are all there.)
        assertEquals(base() + "/", link(feed.getLinks(), "alternate"));
        assertEquals(base() + ATOM + "?section=" + section, feed.getUri(), "the feed's id");
        assertEquals(base() + ATOM + "?section=" + section, link(feed.getLinks(), "self"));
        assertEquals(secondOf(created.get("updatedAt")), feed.getPublishedDate().toInstant(), "the feed's updated");
        assertEquals(1, feed.getEntries().size());
        SyndEntry entry = feed.getEntries().get(0);
        String url = articleUrl(created);
        assertEquals(created.get("headline"), entry.getTitle());
        assertEquals(url, entry.getLink());
        assertEquals(itemId(created), entry.getUri(), "the id");
        assertEquals(secondOf(created.get("publishedAt")), entry.getPublishedDate().toInstant());
        assertEquals(secondOf(created.get("updatedAt")), entry.getUpdatedDate().toInstant());
        assertEquals("Kari Nordmann", entry.getAuthor());
        assertEquals(List.of(section, "harbour", "cranes"), names(entry.getCategories()));
        assertEquals("text", entry.getDescription().getType());
        assertEquals("The cranes are back & busy.", entry.getDescription().getValue());
        assertEquals(1, entry.getContents().size());
        assertEquals("html", entry.getContents().get(0).getType());
        assertEquals(expectedHtml(), entry.getContents().get(0).getValue());
    }

    @Test
    void jsonFeedCarriesEveryFieldOfAnArticleWithItsFullText() throws Exception {
        String section = Fixtures.unique("feed");
        Map<String, Object> created = fullArticle(section);
        JsonNode feed = jsonFeed(get(JSON, section));
        assertEquals("https://jsonfeed.org/version/1.1", feed.get("version").asText());
        assertEquals("News content", feed.get("title").asText());
        assertEquals(base() + "/", feed.get("home_page_url").asText());
        assertEquals(base() + JSON + "?section=" + section, feed.get("feed_url").asText());
        assertEquals(1, feed.get("items").size());
        JsonNode item = feed.get("items").get(0);
        String url = articleUrl(created);
        assertEquals(itemId(created), item.get("id").asText());
        assertEquals(url, item.get("url").asText());
        assertEquals(created.get("headline"), item.get("title").asText());
        assertEquals("The cranes are back & busy.", item.get("summary").asText());
        assertEquals(expectedHtml(), item.get("content_html").asText());
        String text = item.get("content_text").asText();
        assertTrue(text.startsWith(created.get("headline") + "\nTwo cranes\n\nOSLO - The cranes are back & busy.\n"),
                text);
        assertTrue(text.contains("\n\n## What changed\n\n> Finally.\n\u2014 A docker\n\nSecond paragraph.\n"), text);
        assertEquals(secondOf(created.get("publishedAt")), secondOf(item.get("date_published").asText()));
        assertEquals(Instant.parse((String) created.get("publishedAt")),
                OffsetDateTime.parse(item.get("date_published").asText()).toInstant());
        assertEquals(Instant.parse((String) created.get("updatedAt")),
                OffsetDateTime.parse(item.get("date_modified").asText()).toInstant());
        assertEquals("Kari Nordmann", item.get("authors").get(0).get("name").asText());
        assertEquals(List.of(section, "harbour", "cranes"), MAPPER.convertValue(item.get("tags"), List.class));
    }

    @Test
    void jsonFeedLeavesOutWhatAnArticleDoesNotHave() throws Exception {
        String section = Fixtures.unique("feed");
        Fixtures.createArticle(Map.of("headline", Fixtures.unique("Bare"), "section", section, "status",
                "published"));
        JsonNode item = jsonFeed(get(JSON, section)).get("items").get(0);
        assertFalse(item.has("authors"), item.toString());
        assertFalse(item.has("summary"), item.toString());
        assertEquals("", item.get("content_html").asText());
        assertEquals(List.of(section), MAPPER.convertValue(item.get("tags"), List.class));
        // Atom still has an author for it: the publication's, on the feed.
        SyndFeed atom = parse(get(ATOM, section));
        assertEquals("News content", atom.getAuthors().get(0).getName());
    }

    // ---- which articles

    @Test
    void showsTheNewestFiftyNewestFirst() throws Exception {
        String section = Fixtures.unique("feed");
        Instant start = Instant.parse("2024-02-01T08:00:00Z");
        List<String> headlines = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            String headline = "Story " + i + " " + section;
            headlines.add(headline);
            Fixtures.createArticle(Map.of("headline", headline, "section", section, "status", "published",
                    "publishedAt", start.plusSeconds(60L * i).toString(), "paragraphs",
                    List.of(Map.of("type", "paragraph", "text", "Body " + i))));
        }
        List<String> expected = new ArrayList<>(headlines.subList(2, 52));
        Collections.reverse(expected);
        assertEquals(expected, titles(parse(get(RSS, section))));
        assertEquals(expected, titles(parse(get(ATOM, section))));
        List<String> json = new ArrayList<>();
        jsonFeed(get(JSON, section)).get("items").forEach(item -> json.add(item.get("title").asText()));
        assertEquals(expected, json);
    }

    @Test
    void filtersBySectionAndByTagsThatMustAllMatch() throws Exception {
        String section = Fixtures.unique("feed");
        String other = Fixtures.unique("feed");
        String red = Fixtures.unique("red");
        String blue = Fixtures.unique("blue");
        String both = published(section, List.of(red, blue), 1);
        String onlyRed = published(section, List.of(red), 2);
        published(section, List.of(blue), 3);
        String elsewhere = published(other, List.of(red, blue), 4);
        String untagged = published(section, List.of(), 5);

        assertEquals(4, titles(parse(get(RSS, section))).size());
        assertEquals(List.of(both), titles(parse(given().queryParam("section", section).queryParam("tag", red)
                .queryParam("tag", blue).get(RSS).then().statusCode(200).extract().asString())));
        assertEquals(List.of(both, onlyRed), titles(parse(given().queryParam("section", section)
                .queryParam("tag", red).get(ATOM).then().statusCode(200).extract().asString())));
        JsonNode byTags = jsonFeed(given().queryParam("tag", red).queryParam("tag", blue).get(JSON).then()
                .statusCode(200).extract().asString());
        List<String> titles = new ArrayList<>();
        byTags.get("items").forEach(item -> titles.add(item.get("title").asText()));
        assertEquals(List.of(both, elsewhere), titles);
        assertFalse(titles.contains(untagged));
    }

    @Test
    void neverShowsDraftsOrScheduledArticles() throws Exception {
        String section = Fixtures.unique("feed");
        String visible = published(section, List.of(), 1);
        Fixtures.createArticle(Map.of("headline", Fixtures.unique("Draft"), "section", section));
        Fixtures.createArticle(Map.of("headline", Fixtures.unique("Tomorrow"), "section", section, "status",
                "published", "publishedAt", Instant.now().plusSeconds(86_400).toString()));
        assertEquals(List.of(visible), titles(parse(get(RSS, section))));
        assertEquals(List.of(visible), titles(parse(get(ATOM, section))));
        assertEquals(1, jsonFeed(get(JSON, section)).get("items").size());
    }

    @Test
    void anEmptyFeedIsValidAndHasNoLastModified() throws Exception {
        String section = Fixtures.unique("feed");
        for (String path : List.of(RSS, ATOM, JSON)) {
            given().queryParam("section", section).get(path).then().statusCode(200)
                    .header("ETag", startsWith("W/\"f-")).header("Last-Modified", nullValue());
        }
        assertTrue(parse(get(ATOM, section)).getEntries().isEmpty());
        assertEquals(0, jsonFeed(get(JSON, section)).get("items").size());
    }

    // ---- escaping

    @Test
    void escapesMarkupInHeadlinesAndTextInEveryFeed() throws Exception {
        String section = Fixtures.unique("feed");
        Fixtures.createArticle(Map.of("headline", HEADLINE_WITH_MARKUP, "section", section, "status", "published",
                "byline", "<i>Ann</i> & Co", "paragraphs", List.of(Map.of("type", "paragraph", "text",
                        TEXT_WITH_MARKUP),
                        Map.of("type", "blockquote", "text", "<img src=x onerror=alert(1)>",
                                "attribution", "<a href='x'>me</a>"))));
        String escapedParagraph = "<p>Use &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quotes&quot; &#39;too&#39; &gt; less</p>";

        String rssXml = get(RSS, section);
        String atomXml = get(ATOM, section);
        for (String xml : List.of(rssXml, atomXml)) {
            assertFalse(xml.toLowerCase(Locale.ROOT).contains("<script"), xml);
            assertFalse(xml.contains("<b>") || xml.contains("<img") || xml.contains("<i>"), xml);
            SyndEntry entry = parse(xml).getEntries().get(0);
            assertEquals(HEADLINE_WITH_MARKUP, entry.getTitle());
            assertEquals("<i>Ann</i> & Co", entry.getAuthor());
            String html = entry.getContents().get(0).getValue();
            assertTrue(html.startsWith(escapedParagraph), html);
            assertTrue(html.contains("<blockquote><p>&lt;img src=x onerror=alert(1)&gt;</p>"
                    + "<footer>&lt;a href=&#39;x&#39;&gt;me&lt;/a&gt;</footer></blockquote>"), html);
            // Read as HTML, the content shows the stored text as text.
            assertEquals(List.of(TEXT_WITH_MARKUP, "<img src=x onerror=alert(1)>", "<a href='x'>me</a>"),
                    textsOf(html));
        }
        assertEquals(TEXT_WITH_MARKUP, textsOf(parse(rssXml).getEntries().get(0).getDescription().getValue()).get(0));
        assertEquals(TEXT_WITH_MARKUP, parse(atomXml).getEntries().get(0).getDescription().getValue());

        JsonNode item = jsonFeed(get(JSON, section)).get("items").get(0);
        assertEquals(HEADLINE_WITH_MARKUP, item.get("title").asText());
        assertEquals(TEXT_WITH_MARKUP, item.get("summary").asText());
        assertTrue(item.get("content_html").asText().startsWith(escapedParagraph));
        assertEquals(List.of(TEXT_WITH_MARKUP, "<img src=x onerror=alert(1)>", "<a href='x'>me</a>"),
                textsOf(item.get("content_html").asText()));
        assertTrue(item.get("content_text").asText().contains(TEXT_WITH_MARKUP));
    }

    // ---- HTTP

    @Test
    void answersEachFeedWithItsOwnMediaTypeAndTheCachePolicyOfPublishedContent() {
        String section = Fixtures.unique("feed");
        published(section, List.of(), 1);
        Map<String, String> types = Map.of(RSS, "application/rss+xml", ATOM, "application/atom+xml", JSON,
                "application/feed+json");
        types.forEach((path, type) -> {
            String contentType = given().queryParam("section", section).get(path).then().statusCode(200)
                    .header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                    .extract().contentType();
            assertEquals(type + ";charset=utf-8", contentType.toLowerCase(Locale.ROOT).replace(" ", ""));
        });
        // A reader that asks for plain XML (or JSON) still gets the feed, labelled as what it is.
        given().accept("text/xml").queryParam("section", section).get(RSS).then().statusCode(200)
                .contentType(startsWith("application/rss+xml"));
        given().accept(ContentType.JSON).queryParam("section", section).get(JSON).then().statusCode(200)
                .contentType(startsWith("application/feed+json"));
    }

    @Test
    void revalidatesWithAWeakEtagAndLastModifiedWithoutABody() {
        String section = Fixtures.unique("feed");
        published(section, List.of(), 1);
        Map<String, Object> newest = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Newest"), "section",
                section, "status", "published", "paragraphs", List.of(Map.of("type", "paragraph", "text", "New."))))
                .jsonPath().getMap("");
        List<String> etags = new ArrayList<>();
        for (String path : List.of(RSS, ATOM, JSON)) {
            ExtractableResponse<Response> first = given().queryParam("section", section).get(path).then()
                    .statusCode(200).header("ETag", startsWith("W/\"f-")).extract();
            String etag = first.header("ETag");
            etags.add(etag);
            assertEquals(DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    secondOf(newest.get("updatedAt")).atOffset(ZoneOffset.UTC)), first.header("Last-Modified"));
            given().queryParam("section", section).header("If-None-Match", etag).get(path).then().statusCode(304)
                    .header("ETag", etag).header("Cache-Control", "public, max-age=60, stale-while-revalidate=300")
                    .body(emptyOrNullString());
            given().queryParam("section", section).header("If-Modified-Since", first.header("Last-Modified"))
                    .get(path).then().statusCode(304).body(emptyOrNullString());
            given().queryParam("section", section).header("If-None-Match", "W/\"f-other\"").get(path).then()
                    .statusCode(200);
        }
        assertEquals(3, etags.stream().distinct().count(), "each kind has its own ETag: " + etags);
        // Another filter is another representation.
        assertNotEquals(etags.get(0), given().queryParam("section", section).queryParam("tag", "alpha").get(RSS)
                .then().statusCode(200).extract().header("ETag"));
    }

    @Test
    void changesTheEtagWhenAParagraphOfAnArticleInTheFeedIsEdited() throws Exception {
        String section = Fixtures.unique("feed");
        long id = Fixtures.createArticle(Map.of("headline", Fixtures.unique("Edited"), "section", section, "status",
                "published", "paragraphs", List.of(Map.of("type", "paragraph", "text", "Before.")))).jsonPath()
                .getLong("id");
        published(section, List.of(), 1);
        String rssEtag = given().queryParam("section", section).get(RSS).then().statusCode(200).extract()
                .header("ETag");
        String jsonEtag = given().queryParam("section", section).get(JSON).then().statusCode(200).extract()
                .header("ETag");

        int paragraphId = given().get("/api/v1/articles/{id}/paragraphs", id).then().statusCode(200).extract()
                .path("items[0].id");
        String paragraphEtag = given().get("/api/v1/articles/{id}/paragraphs/{p}", id, paragraphId).then()
                .statusCode(200).extract().header("ETag");
        given().auth().oauth2(TestTokens.editor()).header("If-Match", paragraphEtag).contentType(ContentType.JSON)
                .body(Map.of("type", "paragraph", "text", "After."))
                .put("/api/v1/articles/{id}/paragraphs/{p}", id, paragraphId).then().statusCode(200);

        String rss = given().queryParam("section", section).header("If-None-Match", rssEtag).get(RSS).then()
                .statusCode(200).extract().asString();
        assertTrue(rss.contains("&lt;p&gt;After.&lt;/p&gt;"), rss);
        String newJsonEtag = given().queryParam("section", section).header("If-None-Match", jsonEtag).get(JSON)
                .then().statusCode(200).extract().header("ETag");
        assertNotEquals(jsonEtag, newJsonEtag);
        assertTrue(newJsonEtag.startsWith("W/\"f-"));
    }

    @Test
    void answersHeadLikeGetWithoutABody() {
        String section = Fixtures.unique("feed");
        published(section, List.of(), 1);
        for (String path : List.of(RSS, ATOM, JSON)) {
            String etag = given().queryParam("section", section).get(path).then().extract().header("ETag");
            given().queryParam("section", section).head(path).then().statusCode(200).header("ETag", etag)
                    .header("Last-Modified", notNullValue()).body(emptyOrNullString());
        }
    }

    @Test
    void refusesAnUnknownParameterAndABadSectionOrTag() {
        for (String path : List.of(RSS, ATOM, JSON)) {
            problem(given().queryParam("limit", 10).get(path).then(), "UNKNOWN_PARAMETER", path);
            problem(given().queryParam("tag", "Not A Tag").get(path).then(), "VALIDATION_FAILED", path)
                    .body("errors[0].field", equalTo("tag"));
            problem(given().queryParam("section", "<script>").get(path).then(), "VALIDATION_FAILED", path)
                    .body("errors[0].field", equalTo("section"));
        }
    }

    // ---- ids and links (issue 11)

    @Test
    void renamingAnArticleKeepsItsFeedIdsAndMovesItsLinksToTheReaderPage() throws Exception {
        String section = Fixtures.unique("feed");
        Map<String, Object> created = fullArticle(section);
        String etag = given().auth().oauth2(TestTokens.editor()).get("/api/v1/articles/{id}", created.get("id"))
                .header("ETag");
        Map<String, Object> renamed = new HashMap<>(created);
        renamed.put("slug", Fixtures.unique("renamed"));
        given().auth().oauth2(TestTokens.editor()).contentType("application/merge-patch+json")
                .header("If-Match", etag).body(Map.of("slug", renamed.get("slug")))
                .patch("/api/v1/articles/{id}", created.get("id")).then().statusCode(200);

        String rss = get(RSS, section);
        assertTrue(rss.contains("<guid isPermaLink=\"false\">" + itemId(created) + "</guid>"), rss);
        SyndEntry rssEntry = parse(rss).getEntries().get(0);
        assertEquals(itemId(created), rssEntry.getUri());
        assertEquals(articleUrl(renamed), rssEntry.getLink());
        SyndEntry atomEntry = parse(get(ATOM, section)).getEntries().get(0);
        assertEquals(itemId(created), atomEntry.getUri());
        assertEquals(articleUrl(renamed), atomEntry.getLink());
        JsonNode item = jsonFeed(get(JSON, section)).get("items").get(0);
        assertEquals(itemId(created), item.get("id").asText());
        assertEquals(articleUrl(renamed), item.get("url").asText());
    }

    // ---- helpers

    /** An article with every field and every kind of block; answers the created JSON. */
    private static Map<String, Object> fullArticle(String section) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Harbour cranes return"));
        body.put("subheadline", "Two cranes");
        body.put("dateline", "OSLO");
        body.put("byline", "Kari Nordmann");
        body.put("section", section);
        body.put("tags", List.of("harbour", "cranes"));
        body.put("status", "published");
        body.put("publishedAt", Instant.now().minus(2, ChronoUnit.HOURS).toString());
        body.put("paragraphs", List.of(
                Map.of("type", "paragraph", "text", "The cranes are back & busy."),
                Map.of("type", "heading", "text", "What changed"),
                Map.of("type", "blockquote", "text", "Finally.", "attribution", "A docker"),
                Map.of("type", "paragraph", "text", "Second paragraph."),
                Map.of("type", "pullquote", "text", "Quoted words.")));
        return Fixtures.createArticle(body).jsonPath().getMap("");
    }

    private static String expectedHtml() {
        return "<p>OSLO \u2013 The cranes are back &amp; busy.</p>\n"
                + "<h2>What changed</h2>\n"
                + "<blockquote><p>Finally.</p><footer>A docker</footer></blockquote>\n"
                + "<p>Second paragraph.</p>\n"
                + "<aside><p>Quoted words.</p></aside>";
    }

    /** A published article {@code hoursAgo} hours old in the section; answers its headline. */
    private static String published(String section, List<String> tags, int hoursAgo) {
        String headline = Fixtures.unique("Story");
        Fixtures.createArticle(Map.of("headline", headline, "section", section, "tags", tags, "status", "published",
                "publishedAt", Instant.now().minus(hoursAgo, ChronoUnit.HOURS).toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Text of " + headline))));
        return headline;
    }

    private static String get(String path, String section) {
        return given().queryParam("section", section).get(path).then().statusCode(200).extract().asString();
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    /** Parses a JSON Feed and checks what version 1.1 requires of every feed and item. */
    private static JsonNode jsonFeed(String body) throws Exception {
        JsonNode feed = MAPPER.readTree(body);
        assertEquals("https://jsonfeed.org/version/1.1", feed.path("version").asText(), "version");
        assertTrue(feed.path("title").isTextual() && !feed.path("title").asText().isEmpty(), "title");
        assertTrue(feed.path("items").isArray(), "items");
        for (JsonNode item : feed.get("items")) {
            assertTrue(item.path("id").isTextual() && !item.path("id").asText().isEmpty(), "items[].id");
            assertTrue(item.path("content_html").isTextual() || item.path("content_text").isTextual(),
                    "items[] need content_html or content_text");
            for (String date : List.of("date_published", "date_modified")) {
                if (item.has(date)) {
                    OffsetDateTime.parse(item.get(date).asText()); // RFC 3339
                }
            }
            if (item.has("authors")) {
                item.get("authors").forEach(author -> assertTrue(author.path("name").isTextual()));
            }
            if (item.has("tags")) {
                item.get("tags").forEach(tag -> assertTrue(tag.isTextual()));
            }
            item.fields().forEachRemaining(field -> assertFalse(field.getValue().isNull(),
                    "optional fields are left out, not null: " + field.getKey()));
        }
        for (String url : List.of("home_page_url", "feed_url")) {
            assertTrue(feed.path(url).asText().startsWith("http"), url);
        }
        return feed;
    }

    private static List<String> titles(SyndFeed feed) {
        return feed.getEntries().stream().map(SyndEntry::getTitle).toList();
    }

    private static List<String> names(List<SyndCategory> categories) {
        return categories.stream().map(SyndCategory::getName).toList();
    }

    private static String link(List<SyndLink> links, String rel) {
        return links.stream().filter(l -> rel.equals(l.getRel())).map(SyndLink::getHref).findFirst().orElseThrow();
    }

    /** The public base URL feeds link from: in tests, the request's (PackagedAppServices gives the ITs one). */
    String base() {
        return RestAssured.baseURI + ":" + RestAssured.port;
    }

    /** The reader page's address of an article. */
    private String articleUrl(Map<String, Object> created) {
        return base() + "/#/articles/" + created.get("slug");
    }

    /** An item's permanent id: the article's id, whatever its slug. */
    private String itemId(Map<String, Object> created) {
        return "tag:" + URI.create(base()).getHost() + ",2024:articles/" + created.get("id");
    }

    private static Instant secondOf(Object isoInstant) {
        return OffsetDateTime.parse((String) isoInstant).toInstant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** The texts of an HTML fragment's elements, as a browser shows them: tags dropped, entities read. */
    private static List<String> textsOf(String html) {
        List<String> texts = new ArrayList<>();
        for (String piece : html.split("<[^>]+>")) {
            if (!piece.isBlank()) {
                texts.add(piece.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"")
                        .replace("&#39;", "'").replace("&amp;", "&"));
            }
        }
        return texts;
    }
}
