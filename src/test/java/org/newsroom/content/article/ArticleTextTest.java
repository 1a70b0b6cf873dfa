package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.newsroom.content.article.ArticleText.Document;
import org.newsroom.content.article.ArticleText.FormatException;
import org.newsroom.content.article.Block;

class ArticleTextTest {

    // Escapes rather than literal characters, so the tests do not depend on the source encoding.
    private static final String LEFT_QUOTE = "\u201C";
    private static final String RIGHT_QUOTE = "\u201D";
    private static final String APOSTROPHE = "\u2019";
    private static final String EN_DASH = "\u2013";
    private static final String EM_DASH = "\u2014";
    private static final String BOM = "\uFEFF";

    private static final String SEPARATOR = "*****************H";

    private static Block paragraph(String text) {
        return new Block(BlockTypes.PARAGRAPH, text, null);
    }

    private static Block heading(String text) {
        return new Block(BlockTypes.HEADING, text, null);
    }

    private static Block blockquote(String text, String attribution) {
        return new Block(BlockTypes.BLOCKQUOTE, text, attribution);
    }

    private static Block pullquote(String text, String attribution) {
        return new Block(BlockTypes.PULLQUOTE, text, attribution);
    }

    private static Document article(String dateline, Block... blocks) {
        return new Document("Headline", "Sub", dateline, List.of(blocks));
    }

    private static String lines(String... lines) {
        return String.join("\n", lines) + "\n";
    }

    private static void assertRoundTrips(Document document) {
        assertEquals(document, ArticleText.parse(ArticleText.write(document)));
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = ArticleTextTest.class.getResourceAsStream("/articles/" + name)) {
            if (in == null) {
                throw new IOException("missing fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    // --- headline, subheadline and line handling -------------------------------------------

    @Test
    void readsHeadlineAndSubheadlineFromTheFirstTwoLines() {
        Document document = ArticleText.parse(lines("Markets rally", "Stocks close higher", "Text."));

        assertEquals("Markets rally", document.headline());
        assertEquals("Stocks close higher", document.subheadline());
        assertEquals(List.of(paragraph("Text.")), document.blocks());
    }

    @Test
    void aBlankSecondLineMeansNoSubheadline() {
        Document document = ArticleText.parse(lines("Markets rally", "   ", "Text."));

        assertNull(document.subheadline());
        assertEquals(List.of(paragraph("Text.")), document.blocks());
    }

    @Test
    void aHeadlineAloneIsAnArticleWithoutSubheadlineOrBlocks() {
        Document document = ArticleText.parse("Markets rally");

        assertEquals(new Document("Markets rally", null, null, List.of()), document);
    }

    @Test
    void theSubheadlineIsPositionalAndNeverInterpreted() {
        Document document = ArticleText.parse(lines("## Not a heading", "> Not a quote", "Text."));

        assertEquals("## Not a heading", document.headline());
        assertEquals("> Not a quote", document.subheadline());
    }

    @Test
    void rejectsABlankHeadlineNamingLineOne() {
        FormatException error = assertThrows(FormatException.class,
                () -> ArticleText.parse(lines("  ", "Sub", "Text.")));

        assertEquals("line 1: the headline must not be blank", error.getMessage());
        assertEquals(1, error.lineNumber());
    }

    @Test
    void rejectsAnEmptyOrBlankDocument() {
        assertThrows(FormatException.class, () -> ArticleText.parse(""));
        assertThrows(FormatException.class, () -> ArticleText.parse(" \n\n \r\n"));
        assertThrows(FormatException.class, () -> ArticleText.parse(BOM));
        assertThrows(FormatException.class, () -> ArticleText.parse(null));
    }

    @Test
    void ignoresBlankLinesAfterTheSubheadline() {
        Document document = ArticleText.parse(lines("Headline", "Sub", "", "First.", "  \t", "", "Second.", ""));

        assertEquals(List.of(paragraph("First."), paragraph("Second.")), document.blocks());
    }

    @Test
    void acceptsCrlfLineEndings() {
        Document document = ArticleText.parse("Headline\r\nSub\r\nLONDON - First.\r\n## Part\r\nSecond.\r\n");

        assertEquals(new Document("Headline", "Sub", "LONDON", List.of(
                paragraph("First."), heading("Part"), paragraph("Second."))), document);
    }

    @Test
    void removesALeadingByteOrderMark() {
        Document document = ArticleText.parse(BOM + lines("Headline", "Sub", "Text."));

        assertEquals("Headline", document.headline());
    }

    @Test
    void keepsAByteOrderMarkThatIsNotAtTheVeryStart() {
        Document document = ArticleText.parse(lines("Headline", "Sub", BOM + "Text."));

        assertEquals(List.of(paragraph(BOM + "Text.")), document.blocks());
    }

    @Test
    void neverTrimsText() {
        Document document = ArticleText.parse(lines(" Headline ", " Sub ", "  Indented paragraph.  ", "## Heading  "));

        assertEquals(" Headline ", document.headline());
        assertEquals(" Sub ", document.subheadline());
        assertEquals(List.of(paragraph("  Indented paragraph.  "), heading("Heading  ")), document.blocks());
    }

    // --- markers ---------------------------------------------------------------------------

    @Test
    void readsEachBodyMarker() {
        Document document = ArticleText.parse(lines("Headline", "Sub",
                "Plain.", "## A heading", "> A block quote", ">> An inline pull-quote"));

        assertEquals(List.of(paragraph("Plain."), heading("A heading"), blockquote("A block quote", null),
                pullquote("An inline pull-quote", null)), document.blocks());
    }

    @Test
    void markersNeedTheirSpace() {
        Document document = ArticleText.parse(lines("Headline", "Sub", "##Tag", ">Arrow", ">>Double", "#1 seed"));

        assertEquals(List.of(paragraph("##Tag"), paragraph(">Arrow"), paragraph(">>Double"), paragraph("#1 seed")),
                document.blocks());
    }

    @Test
    void aBackslashMakesTheRestOfTheLineALiteralParagraph() {
        Document document = ArticleText.parse(lines("Headline", "Sub",
                "First.", "\\## not a heading", "\\> not a quote", "\\\\double", "\\"));

        assertEquals(List.of(paragraph("First."), paragraph("## not a heading"), paragraph("> not a quote"),
                paragraph("\\double"), paragraph("")), document.blocks());
    }

    // --- dateline --------------------------------------------------------------------------

    @Test
    void takesTheDatelineOffTheFirstParagraph() {
        Document document = ArticleText.parse(lines("Headline", "Sub", "TEHRAN - Talks resumed on Monday."));

        assertEquals("TEHRAN", document.dateline());
        assertEquals(List.of(paragraph("Talks resumed on Monday.")), document.blocks());
    }

    @Test
    void acceptsEnAndEmDashesAfterTheDateline() {
        assertEquals("S\u00C3O PAULO",
                ArticleText.parse(lines("H", "S", "S\u00C3O PAULO " + EN_DASH + " Text")).dateline());
        assertEquals("KYIV", ArticleText.parse(lines("H", "S", "KYIV " + EM_DASH + " Text")).dateline());
    }

    @Test
    void acceptsPunctuationInsideTheDateline() {
        Document document = ArticleText.parse(lines("H", "S", "WASHINGTON, D.C. - Text"));

        assertEquals("WASHINGTON, D.C.", document.dateline());
        assertEquals(List.of(paragraph("Text")), document.blocks());
        assertEquals("N" + APOSTROPHE + "DJAMENA",
                ArticleText.parse(lines("H", "S", "N" + APOSTROPHE + "DJAMENA - Text")).dateline());
        assertEquals("PORT-AU-PRINCE", ArticleText.parse(lines("H", "S", "PORT-AU-PRINCE - Text")).dateline());
        assertEquals("AL-QUDS/JERUSALEM", ArticleText.parse(lines("H", "S", "AL-QUDS/JERUSALEM - Text")).dateline());
    }

    @Test
    void acceptsUpperCaseLettersOfAnyScriptAndCombiningMarks() {
        assertEquals("\u041C\u041E\u0421\u041A\u0412\u0410",
                ArticleText.parse(lines("H", "S", "\u041C\u041E\u0421\u041A\u0412\u0410 - Text")).dateline());
        // A decomposed LOMÉ: E followed by a combining acute accent.
        assertEquals("LOME\u0301", ArticleText.parse(lines("H", "S", "LOME\u0301 - Text")).dateline());
    }

    @Test
    void theShortestDatelineWins() {
        Document document = ArticleText.parse(lines("H", "S", "NATO - US - talks resumed"));

        assertEquals("NATO", document.dateline());
        assertEquals(List.of(paragraph("US - talks resumed")), document.blocks());
        Document oneLetter = ArticleText.parse(lines("H", "S", "A - B - Text"));
        assertEquals("A", oneLetter.dateline());
        assertEquals(List.of(paragraph("B - Text")), oneLetter.blocks());
    }

    @Test
    void mixedCaseOrMissingSpacesIsNotADateline() {
        assertNoDateline("Mr. Smith - said the plan had failed.");
        assertNoDateline("Tehran - Talks resumed on Monday.");
        assertNoDateline("TEHRAN-Talks resumed on Monday.");
        assertNoDateline("TEHRAN -Talks resumed on Monday.");
        assertNoDateline("TEHRAN: Talks resumed on Monday.");
        assertNoDateline("- TEHRAN - spoke.");
    }

    @Test
    void aDatelineMustEndWithALetterOrFullStop() {
        assertNoDateline("TEHRAN, - spoke.");
    }

    @Test
    void aDatelineIsAtMostSixtyCharacters() {
        String sixty = "A".repeat(60);
        assertEquals(sixty, ArticleText.parse(lines("H", "S", sixty + " - Text")).dateline());
        assertNoDateline("A".repeat(61) + " - Text");
    }

    @Test
    void aDatelineIsTakenOnlyFromTheFirstBlock() {
        Document document = ArticleText.parse(lines("H", "S", "First.", "NATO - allies met."));

        assertNull(document.dateline());
        assertEquals(List.of(paragraph("First."), paragraph("NATO - allies met.")), document.blocks());
    }

    @Test
    void aDatelineIsNotTakenWhenTheFirstBlockIsAHeadingOrEscaped() {
        assertNull(ArticleText.parse(lines("H", "S", "## PARIS - Section", "PARIS - Text")).dateline());
        Document escaped = ArticleText.parse(lines("H", "S", "\\PARIS - Text"));
        assertNull(escaped.dateline());
        assertEquals(List.of(paragraph("PARIS - Text")), escaped.blocks());
    }

    @Test
    void aDatelineMayBeFollowedByNothing() {
        Document document = ArticleText.parse(lines("H", "S", "PARIS - "));

        assertEquals("PARIS", document.dateline());
        assertEquals(List.of(paragraph("")), document.blocks());
    }

    private static void assertNoDateline(String firstParagraph) {
        Document document = ArticleText.parse(lines("H", "S", firstParagraph));
        assertNull(document.dateline(), firstParagraph);
        assertEquals(List.of(paragraph(firstParagraph)), document.blocks());
    }

    // --- separator, trailing pull-quotes and Leave a Comment ---------------------------------

    @Test
    void linesAfterTheSeparatorArePullquotes() {
        Document document = ArticleText.parse(lines("H", "S", "Text.", SEPARATOR, "First quote.", "", "Second quote."));

        assertEquals(List.of(paragraph("Text."), pullquote("First quote.", null), pullquote("Second quote.", null)),
                document.blocks());
    }

    @Test
    void recognisesSeparatorVariants() {
        for (String separator : List.of("***", "***H", "*****************H  ", "**********")) {
            Document document = ArticleText.parse(lines("H", "S", "Text.", separator, "Quote."));
            assertEquals(List.of(paragraph("Text."), pullquote("Quote.", null)), document.blocks(), separator);
        }
    }

    @Test
    void shortOrDecoratedAsterisksAreNotASeparator() {
        Document document = ArticleText.parse(lines("H", "S", "Text.", "**", "***HH", "*** end"));

        assertEquals(List.of(paragraph("Text."), paragraph("**"), paragraph("***HH"), paragraph("*** end")),
                document.blocks());
    }

    @Test
    void markersAreNotInterpretedAfterTheSeparator() {
        Document document = ArticleText.parse(lines("H", "S", "Text.", SEPARATOR, "## Quote", "> Quote", "***"));

        assertEquals(List.of(paragraph("Text."), pullquote("## Quote", null), pullquote("> Quote", null),
                pullquote("***", null)), document.blocks());
    }

    @Test
    void aSeparatorWithNothingAfterItIsFine() {
        Document document = ArticleText.parse(lines("H", "S", "Text.", SEPARATOR));

        assertEquals(List.of(paragraph("Text.")), document.blocks());
    }

    @Test
    void dropsLeaveACommentOnlyAsTheLastLine() {
        Document document = ArticleText.parse(lines("H", "S", "Leave a Comment", "Text.", SEPARATOR, "Quote.",
                "Leave a Comment", "", "  "));

        assertEquals(List.of(paragraph("Leave a Comment"), paragraph("Text."), pullquote("Quote.", null)),
                document.blocks());
    }

    @Test
    void dropsLeaveACommentInAnyCaseAndWithSurroundingSpaces() {
        Document document = ArticleText.parse("H\nS\nText.\n  LEAVE A COMMENT ");

        assertEquals(List.of(paragraph("Text.")), document.blocks());
    }

    @Test
    void neverDropsTheHeadlineOrSubheadlineAsLeaveAComment() {
        Document document = ArticleText.parse(lines("H", "Leave a Comment"));

        assertEquals("Leave a Comment", document.subheadline());
    }

    // --- attributions ----------------------------------------------------------------------

    @Test
    void readsTheAttributionOfAQuoteFromTheNextLine() {
        Document document = ArticleText.parse(lines("H", "S",
                "> To be or not to be.", EM_DASH + " Hamlet",
                ">> Inline.", EM_DASH + " Someone",
                SEPARATOR, "Trailing.", EM_DASH + " Someone else"));

        assertEquals(List.of(blockquote("To be or not to be.", "Hamlet"), pullquote("Inline.", "Someone"),
                pullquote("Trailing.", "Someone else")), document.blocks());
    }

    @Test
    void anAttributionLineThatDoesNotFollowAQuoteIsAParagraph() {
        Document document = ArticleText.parse(lines("H", "S",
                EM_DASH + " Opening aside", "Text.", EM_DASH + " after a paragraph",
                "> Quote.", "", EM_DASH + " after a blank line",
                "> Quote.", EM_DASH + " Author", EM_DASH + " a second one"));

        assertEquals(List.of(paragraph(EM_DASH + " Opening aside"), paragraph("Text."),
                paragraph(EM_DASH + " after a paragraph"), blockquote("Quote.", null),
                paragraph(EM_DASH + " after a blank line"), blockquote("Quote.", "Author"),
                paragraph(EM_DASH + " a second one")), document.blocks());
    }

    @Test
    void headingsTakeNoAttribution() {
        Document document = ArticleText.parse(lines("H", "S", "## Heading", EM_DASH + " not one"));

        assertEquals(List.of(heading("Heading"), paragraph(EM_DASH + " not one")), document.blocks());
    }

    @Test
    void anEnDashLineIsNotAnAttribution() {
        Document document = ArticleText.parse(lines("H", "S", "> Quote.", EN_DASH + " Author"));

        assertEquals(List.of(blockquote("Quote.", null), paragraph(EN_DASH + " Author")), document.blocks());
    }

    // --- writing ---------------------------------------------------------------------------

    @Test
    void writesTheSameShapeItReads() {
        Document document = new Document("Headline", "Sub", "TEHRAN", List.of(
                paragraph("First."), heading("Part two"), blockquote("Quoted.", "Someone"),
                pullquote("Inline.", null), paragraph("Last."), pullquote("Trailing.", "Author")));

        assertEquals(lines("Headline", "Sub", "", "TEHRAN - First.", "", "## Part two", "", "> Quoted.",
                EM_DASH + " Someone", "", ">> Inline.", "", "Last.", "", SEPARATOR, "", "Trailing.",
                EM_DASH + " Author"), ArticleText.write(document));
    }

    @Test
    void writesAnEmptyLineForAMissingSubheadline() {
        assertEquals("Headline\n\n\nText.\n",
                ArticleText.write(new Document("Headline", null, null, List.of(paragraph("Text.")))));
    }

    @Test
    void writesNoSeparatorWithoutTrailingPullquotes() {
        String written = ArticleText
                .write(article(null, paragraph("Text."), pullquote("Inline.", null), paragraph("End.")));

        assertEquals(lines("Headline", "Sub", "", "Text.", "", ">> Inline.", "", "End."), written);
    }

    @Test
    void writesEveryPullquoteAfterTheLastOtherBlockBehindTheSeparator() {
        Document document = article(null, pullquote("Inline.", null), heading("Part"),
                pullquote("One.", null), pullquote("Two.", "Author"));

        assertEquals(lines("Headline", "Sub", "", ">> Inline.", "", "## Part", "", SEPARATOR, "", "One.", "", "Two.",
                EM_DASH + " Author"),
                ArticleText.write(document));
        assertRoundTrips(document);
    }

    @Test
    void anArticleOfOnlyPullquotesRoundTrips() {
        assertRoundTrips(article(null, pullquote("One.", null), pullquote("Two.", null)));
    }

    @Test
    void roundTripsEveryBlockTypeExactly() {
        assertRoundTrips(new Document("Headline", "Sub", "SEOUL", List.of(
                paragraph("First."), heading("Heading"), blockquote("Quote.", null), blockquote("Quote.", "Author"),
                pullquote("Inline.", null), pullquote("Inline.", "Author"), paragraph("Middle."),
                pullquote("Trailing.", null), pullquote("Trailing.", "Author"))));
    }

    @Test
    void roundTripsAnArticleWithNoBlocks() {
        assertRoundTrips(new Document("Headline", null, null, List.of()));
        assertRoundTrips(new Document("Headline", "Sub", null, List.of()));
    }

    @Test
    void roundTripsEmptyAttributionsAndEmptyQuoteText() {
        assertRoundTrips(article(null, paragraph("Text."), blockquote("", ""), pullquote("", "")));
    }

    @Test
    void escapesEveryTextThatWouldBeMisread() {
        List<String> trickyTexts = List.of(
                "## looks like a heading", "> looks like a quote", ">> looks like a pull-quote",
                "\\ starts with a backslash", "\\", EM_DASH + " looks like an attribution",
                "***", "*****************H", "*****  ", "Leave a Comment", "  leave a comment ",
                "", "   ", "NATO - looks like a dateline");
        for (String text : trickyTexts) {
            assertRoundTrips(article(null, paragraph(text)));
            assertRoundTrips(article(null, paragraph("First."), paragraph(text)));
            assertRoundTrips(article(null, blockquote("Quote.", null), paragraph(text)));
            assertRoundTrips(article(null, pullquote("Inline.", null), paragraph(text)));
            assertRoundTrips(article(null, paragraph("Text."), pullquote(text, null)));
            assertRoundTrips(article(null, paragraph("Text."), pullquote("Quote.", null), pullquote(text, null)));
            assertRoundTrips(article("PARIS", paragraph(text), paragraph(text)));
            assertRoundTrips(
                    article(null, heading(text), blockquote(text, text), pullquote(text, text), paragraph("End.")));
        }
    }

    @Test
    void escapesADatelineLookingFirstParagraphWhenThereIsNoDateline() {
        Document document = article(null, paragraph("TEHRAN - Text."), paragraph("NATO - Text."));

        assertEquals(lines("Headline", "Sub", "", "\\TEHRAN - Text.", "", "NATO - Text."), ArticleText.write(document));
        assertRoundTrips(document);
    }

    @Test
    void escapesLeaveACommentAsTheLastBlock() {
        Document document = article(null, paragraph("Text."), paragraph("Leave a Comment"));

        assertEquals(lines("Headline", "Sub", "", "Text.", "", "\\Leave a Comment"), ArticleText.write(document));
        assertRoundTrips(document);
    }

    @Test
    void writesTheDatelineWithAnAsciiHyphen() {
        Document document = ArticleText.parse(lines("H", "S", "S\u00C3O PAULO " + EN_DASH + " Text"));

        assertEquals(lines("H", "S", "", "S\u00C3O PAULO - Text"), ArticleText.write(document));
    }

    @Test
    void theTextAfterADatelineNeedsNoEscape() {
        Document document = article("PARIS", paragraph("## not a heading"));

        assertEquals(lines("Headline", "Sub", "", "PARIS - ## not a heading"), ArticleText.write(document));
        assertRoundTrips(document);
        assertRoundTrips(article("PARIS", paragraph("NATO - allies met.")));
        assertRoundTrips(article("WASHINGTON, D.C.", paragraph("")));
    }

    @Test
    void dropsADatelineTheFirstBlockCannotCarry() {
        assertEquals(lines("Headline", "Sub", "", "## Part", "", "Text."),
                ArticleText.write(article("PARIS", heading("Part"), paragraph("Text."))));
        assertEquals(lines("Headline", "Sub"), ArticleText.write(article("PARIS")));
    }

    @Test
    void writesABlankDatelineOrSubheadlineAsAbsent() {
        Document written = new Document("Headline", "  ", " ", List.of(paragraph("Text.")));

        assertEquals(lines("Headline", "", "", "Text."), ArticleText.write(written));
    }

    @Test
    void refusesADatelineThatWouldNotReadBack() {
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article("Paris", paragraph("Text."))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article("A - B", paragraph("Text."))));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(article("A".repeat(61), paragraph("Text."))));
    }

    @Test
    void validatesDatelines() {
        assertTrue(ArticleText.isValidDateline("TEHRAN"));
        assertTrue(ArticleText.isValidDateline("WASHINGTON, D.C."));
        assertTrue(ArticleText.isValidDateline("A"));
        assertFalse(ArticleText.isValidDateline("Tehran"));
        assertFalse(ArticleText.isValidDateline("TEHRAN "));
        assertFalse(ArticleText.isValidDateline("A " + EN_DASH + " B"));
        assertFalse(ArticleText.isValidDateline(""));
        assertFalse(ArticleText.isValidDateline(null));
    }

    @Test
    void writeRefusesLineBreaks() {
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article(null, paragraph("One\nTwo"))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article(null, heading("One\rTwo"))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article(null, blockquote("Q", "A\nB"))));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(new Document("One\nTwo", null, null, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(new Document("Headline", "One\r\nTwo", null, List.of())));
    }

    @Test
    void writeRefusesWhatTheFormatCannotCarry() {
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(new Document(" ", null, null, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(new Document(null, null, null, List.of())));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(article(null, new Block("image", "x", null))));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(article(null, new Block(null, "x", null))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(article(null, paragraph(null))));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(article(null, new Block("paragraph", "x", "A"))));
        assertThrows(IllegalArgumentException.class,
                () -> ArticleText.write(article(null, new Block("heading", "x", "A"))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(null));
    }

    @Test
    void keepsTrailingSpacesThroughARoundTrip() {
        assertRoundTrips(new Document("Headline  ", " Sub ", "PARIS", List.of(
                paragraph("Text.  "), heading("Part "), blockquote("Quote. ", "Author "),
                pullquote(" Trailing ", null))));
    }

    // --- Unicode and fixtures --------------------------------------------------------------

    @Test
    void keepsUnicodeQuotesAndDashesByteForByte() {
        String text = LEFT_QUOTE + "It" + APOSTROPHE + "s here " + EN_DASH + " now " + EM_DASH + " today," + RIGHT_QUOTE
                + " she said. \uD83D\uDCF0";
        Document document = article("K\u00D8BENHAVN", paragraph(text), blockquote(text, text), pullquote(text, null));

        String written = ArticleText.write(document);
        assertEquals(document, ArticleText.parse(written));
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8),
                ArticleText.parse(written).blocks().get(0).text().getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheDatelineAndPullquoteFixture() throws IOException {
        Document document = ArticleText.parse(fixture("dateline-and-pullquote.txt"));

        assertEquals("Harbour city opens its first floating library", document.headline());
        assertEquals("Volunteers shelve 12,000 books on a converted ferry", document.subheadline());
        assertEquals("S\u00C3O PAULO", document.dateline());
        assertEquals(7, document.blocks().size());
        assertEquals(6, document.blocks().stream().filter(block -> block.type().equals(BlockTypes.PARAGRAPH)).count());
        Block last = document.blocks().get(6);
        assertEquals(pullquote(LEFT_QUOTE + "We wanted the books to go where the people are." + RIGHT_QUOTE, null),
                last);
        assertTrue(document.blocks().get(0).text().startsWith("A decommissioned river ferry"));
        assertEquals(LEFT_QUOTE + "We wanted the books to go where the people are," + RIGHT_QUOTE
                + " said the project" + APOSTROPHE + "s coordinator, Marta Ribeiro.", document.blocks().get(2).text());
    }

    @Test
    void roundTripsTheDatelineAndPullquoteFixture() throws IOException {
        Document document = ArticleText.parse(fixture("dateline-and-pullquote.txt"));

        assertEquals(document, ArticleText.parse(ArticleText.write(document)));
    }

    @Test
    void separatesBlocksWithABlankLineThatReadingIgnores() throws IOException {
        Document document = ArticleText.parse(fixture("headings-and-quotes.txt"));
        String written = ArticleText.write(document);

        assertTrue(written.contains("\n\n## What the researchers found\n\n"), written);
        assertTrue(written.contains("\n> \u201CWe have never seen anything like this in a single season.\u201D\n"
                + EM_DASH + " Dr. Anna Keller, glaciologist\n\n"), "no blank line before an attribution: " + written);
        assertFalse(written.contains("\n\n\n"), written);
        assertEquals(document, ArticleText.parse(written.replaceAll("\n\n+", "\n")),
                "the same text without the blank lines reads as the same article");
    }

    @Test
    void writesTheCanonicalFixtureBackByteForByte() throws IOException {
        String canonical = fixture("headings-and-quotes.txt");

        String written = ArticleText.write(ArticleText.parse(canonical));

        assertArrayEquals(canonical.getBytes(StandardCharsets.UTF_8), written.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsEveryBlockTypeFromTheCanonicalFixture() throws IOException {
        Document document = ArticleText.parse(fixture("headings-and-quotes.txt"));

        assertEquals("Z\u00DCRICH", document.dateline());
        assertEquals(List.of("paragraph", "paragraph", "heading", "paragraph", "blockquote", "pullquote", "paragraph",
                "heading", "blockquote", "paragraph", "pullquote", "pullquote"),
                document.blocks().stream().map(Block::type).toList());
        assertEquals("Dr. Anna Keller, glaciologist", document.blocks().get(4).attribution());
        assertEquals("## marks a new section in the survey" + APOSTROPHE + "s field notes, one researcher joked.",
                document.blocks().get(6).text());
        assertEquals("Officials in BERN - the capital - declined to comment further.", document.blocks().get(9).text());
        assertEquals("Dr. Anna Keller", document.blocks().get(10).attribution());
        assertNull(document.blocks().get(11).attribution());
    }
}
