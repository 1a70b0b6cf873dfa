package org.newsroom.content.feed;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.Fixtures;
import org.newsroom.content.support.TestTokens;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The XML feeds carry whatever text an editor may store (docs/http-api.md §1, §8): what XML 1.0 cannot carry is refused
 * on the way in, so that one article can never make the feeds fail for everyone, and the nastiest legal text comes
 * back out of a strict parser as it went in.
 */
@QuarkusTest
class FeedTextTest {

    private static final List<String> XML_FEEDS = List.of("/feeds/articles.rss", "/feeds/articles.atom");

    /** Markup and CDATA ends, entities, emoji, U+FFFD and U+10FFFF, combining marks, right-to-left text. */
    private static final String NASTY = "]]> &amp; <script>alert('x')</script> \"q\" \uD83D\uDE00 \uFFFD "
            + "\uDBFF\uDFFF e\u0301\u0323 \u05e9\u05dc\u05d5\u05dd \u0645\u0631\u062d\u0628\u0627 \u200F\t<![CDATA[x]]>";

    @Test
    void aHeadlineXmlCannotCarryIsRefusedAndTheFeedsStayUp() {
        String section = Fixtures.unique("feed-text");
        for (String illegal : List.of("\uFFFF", "\uFFFE")) {
            problem(given().auth().oauth2(TestTokens.editor()).contentType(ContentType.JSON)
                    .body(Map.of("headline", "Broken " + illegal + " feed", "section", section, "status", "published",
                            "publishedAt", Instant.now().minusSeconds(60).toString()))
                    .post("/api/v1/articles").then(), "VALIDATION_FAILED", "/api/v1/articles");
        }
        for (String feed : XML_FEEDS) {
            given().queryParam("section", section).get(feed).then().statusCode(200);
            given().get(feed).then().statusCode(200);
        }
    }

    @Test
    void theNastiestLegalTextParsesAndRoundTripsThroughBothXmlFeeds() throws Exception {
        String section = Fixtures.unique("feed-text");
        String headline = "Headline " + NASTY;
        Fixtures.createArticle(Map.of("headline", headline, "byline", "By " + NASTY, "section", section, "status",
                "published", "publishedAt", Instant.now().minusSeconds(60).toString(), "paragraphs",
                List.of(Map.of("type", "paragraph", "text", "Text " + NASTY),
                        Map.of("type", "pullquote", "text", "Quote " + NASTY, "attribution", "Who " + NASTY))));
        for (String path : XML_FEEDS) {
            byte[] xml = given().queryParam("section", section).get(path).then().statusCode(200).extract()
                    .asByteArray();
            // A strict, namespace-aware XML 1.0 parser reads it.
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));

            SyndFeed feed = new SyndFeedInput().build(new StringReader(new String(xml, StandardCharsets.UTF_8)));
            assertEquals(1, feed.getEntries().size(), path);
            SyndEntry entry = feed.getEntries().get(0);
            assertEquals(headline, entry.getTitle(), path);
            String content = entry.getContents().get(0).getValue();
            // The body is HTML with the text escaped, never markup of its own.
            assertTrue(content.contains(escaped("Text " + NASTY)), path + ": " + content);
            assertTrue(content.contains(escaped("Who " + NASTY)), path + ": " + content);
        }
    }

    private static String escaped(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }
}
