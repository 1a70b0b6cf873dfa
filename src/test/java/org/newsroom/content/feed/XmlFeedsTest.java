package org.newsroom.content.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * The RSS and Atom documents, compared in full with golden files: what a feed reader receives is the contract, and
 * ROME decides much of it (element order, date formats, escaping), so a change of library version or of the way
 * XmlFeeds calls it shows here as a diff rather than as a subtly different feed.
 */
class XmlFeedsTest {

    private static final String TITLE = "Newsroom";
    private static final String DESCRIPTION = "The latest articles in politics & sport";
    private static final FeedLinks RSS_LINKS = links("rss");
    private static final FeedLinks ATOM_LINKS = links("atom");
    private static final Instant LAST_MODIFIED = Instant.parse("2024-03-02T09:30:15Z");

    private static final Pattern ATOM_UPDATED = Pattern.compile("<updated>([^<]*)</updated>");

    /** Every optional part present, and text that needs escaping, in the element content and in the HTML. */
    private static final FeedItem FULL = new FeedItem("tag:news.example,2024:articles/1",
            "https://news.example/#/articles/harbour-budget",
            "Council approves the harbour budget: \u201Cfees & rates\u201D <up>",
            "Fees rise by 3% in Z\u00FCrich & \"elsewhere\" \u2013 <b>not</b> in the old town's port",
            "<p>Rates &amp; fees &lt;up&gt;</p>\n<h2>What changes</h2>\n<blockquote><p>We had no choice</p>"
                    + "<footer>The mayor</footer></blockquote>",
            "unused by the XML feeds", Instant.parse("2024-03-01T08:00:00Z"), LAST_MODIFIED,
            "Ana P\u00E9rez", List.of("politics", "harbour", "budget & finance"), null);

    /** Neither summary nor author nor category. */
    private static final FeedItem BARE = new FeedItem("tag:news.example,2024:articles/2",
            "https://news.example/#/articles/quiet-day", "A quiet day",
            null,
            "<p>Nothing happened.</p>", "unused", Instant.parse("2024-02-28T17:45:00Z"),
            Instant.parse("2024-02-28T17:45:00Z"), null, List.of(), null);

    /** A summary but no author, one category. */
    private static final FeedItem UNSIGNED = new FeedItem("tag:news.example,2024:articles/3",
            "https://news.example/#/articles/match-report",
            "Match report",
            "Home side wins 2-1", "<p>A late goal.</p>", "unused", Instant.parse("2024-02-27T21:10:05Z"),
            Instant.parse("2024-02-28T06:00:00Z"), null, List.of("sport"), null);

    /** An author but no summary. */
    private static final FeedItem SIGNED = new FeedItem("tag:news.example,2024:articles/4",
            "https://news.example/#/articles/column", "Column", null,
            "<p>Opinion.</p>", "unused", Instant.parse("2024-02-26T12:00:00Z"), Instant.parse("2024-02-26T12:00:00Z"),
            "J. Smith", List.of("opinion", "politics"), null);

    private static final List<FeedItem> ITEMS = List.of(FULL, BARE, UNSIGNED, SIGNED);

    @Test
    void writesRssAsTheGoldenFile() throws IOException {
        assertEquals(golden("items.rss"), XmlFeeds.rss(TITLE, DESCRIPTION, RSS_LINKS, LAST_MODIFIED, ITEMS));
    }

    @Test
    void writesAtomAsTheGoldenFile() throws IOException {
        assertEquals(golden("items.atom"), XmlFeeds.atom(TITLE, DESCRIPTION, ATOM_LINKS, LAST_MODIFIED, ITEMS));
    }

    @Test
    void writesAnEmptyRssFeedWithoutDates() throws IOException {
        assertEquals(golden("empty.rss"), XmlFeeds.rss(TITLE, DESCRIPTION, RSS_LINKS, null, List.of()));
    }

    @Test
    void datesAnEmptyAtomFeedWhenItIsWritten() throws IOException {
        Instant before = Instant.now().minusSeconds(1);
        String atom = XmlFeeds.atom(TITLE, DESCRIPTION, ATOM_LINKS, null, List.of());
        Instant after = Instant.now().plusSeconds(1);

        Matcher updated = ATOM_UPDATED.matcher(atom);
        assertTrue(updated.find(), atom);
        Instant written = Instant.parse(updated.group(1));
        assertTrue(!written.isBefore(before) && !written.isAfter(after), written + " is not the time of writing");
        assertEquals(golden("empty.atom"), updated.replaceFirst("<updated>NOW</updated>"));
    }

    /** A query with an ampersand, which the self links must escape. */
    private static FeedLinks links(String extension) {
        return new FeedLinks("https://news.example", "https://news.example/",
                "https://news.example/feeds/articles." + extension + "?section=politics&tag=harbour");
    }

    /**
     * The golden files are kept with LF line ends so that editors and Git leave them alone; JDOM ends every line
     * with CRLF, line breaks inside a text included, so the document sent is the file with each LF made CRLF.
     */
    private static String golden(String name) throws IOException {
        try (InputStream in = XmlFeedsTest.class.getResourceAsStream("/feeds/" + name)) {
            if (in == null) {
                throw new IOException("missing golden file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\n", "\r\n");
        }
    }
}
