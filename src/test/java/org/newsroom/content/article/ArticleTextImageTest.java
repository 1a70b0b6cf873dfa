package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The image line of the plain-text format: {@code [Image: alt | src | caption | credit | WxH]}. */
class ArticleTextImageTest {

    private static final String SRC = "https://images.example/a.jpg";

    private static ArticleText.Document document(Block... blocks) {
        return new ArticleText.Document("Headline", null, null, List.of(blocks));
    }

    private static Block image(String alt, String caption, String credit, Integer width, Integer height) {
        return Block.image(new Image(SRC, alt, alt == null, caption, credit, width, height));
    }

    @Test
    void writesEveryFieldInOrderAndLeavesOutTheAbsentOnesAtTheEnd() {
        assertEquals("Headline\n\n\n[Image: Alt | " + SRC + " | Cap | Cred | 4x3]\n",
                ArticleText.write(document(image("Alt", "Cap", "Cred", 4, 3))));
        assertEquals("Headline\n\n\n[Image: Alt | " + SRC + "]\n",
                ArticleText.write(document(image("Alt", null, null, null, null))));
        assertEquals("Headline\n\n\n[Image: Alt | " + SRC + " |  | Cred]\n",
                ArticleText.write(document(image("Alt", null, "Cred", null, null))));
        assertEquals("Headline\n\n\n[Image:  | " + SRC + "]\n",
                ArticleText.write(document(image(null, null, null, null, null))));
    }

    @Test
    void readsBackExactlyWhatItWrote() {
        List<Block> blocks = List.of(image("Pipes | and \\ slashes ]", " spaced caption ", "x\\", 1, 100_000),
                image(null, "Only a caption", null, null, null), image("a", null, null, 10, 20),
                new Block(BlockTypes.PARAGRAPH, "[Image: a paragraph that looks like one]", null),
                image("Trailing space ", "|", "] credit ]", null, null));
        ArticleText.Document document = new ArticleText.Document("Headline", "Sub", null, blocks);
        String written = ArticleText.write(document);
        assertEquals(document, ArticleText.parse(written));
        assertEquals(written, ArticleText.write(ArticleText.parse(written)));
        assertTrue(written.contains("\n\\[Image: a paragraph that looks like one]\n"), written);
    }

    @Test
    void aDecorativeImageIsAnEmptyAlt() {
        Block read = ArticleText.parse("H\n\n[Image:  | " + SRC + " | Cap]\n").blocks().get(0);
        assertEquals(new Block(BlockTypes.IMAGE, null, null, new Image(SRC, null, true, "Cap", null, null, null)),
                read);
    }

    @ParameterizedTest
    @ValueSource(strings = {"[Image: only alt]", "[Image: a | b | c | d | 1x2 | f]", "[Image: a | b | c | d | 0x2]",
            "[Image: a | b | c | d | 12]", "[Image: a | b", "[Image: a | b | c | d | 1x2]x"})
    void refusesAMalformedImageLineWithItsLineNumber(String line) {
        ArticleText.FormatException e = assertThrows(ArticleText.FormatException.class,
                () -> ArticleText.parse("H\n\nParagraph\n" + line + "\n"));
        assertEquals(4, e.lineNumber(), e.getMessage());
    }

    @Test
    void refusesToWriteAnImageThatWouldNotReadBack() {
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(
                document(Block.image(new Image(SRC, "", false, null, null, null, null)))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(
                document(Block.image(new Image(SRC, "alt", false, "", null, null, null)))));
        assertThrows(IllegalArgumentException.class, () -> ArticleText.write(
                document(Block.image(new Image(SRC, "two\nlines", false, null, null, null, null)))));
    }

    @Test
    void textsWithoutImageLinesReadAsBefore() {
        for (String name : List.of("/articles/headings-and-quotes.txt", "/articles/dateline-and-pullquote.txt")) {
            String text = org.newsroom.content.support.Fixtures.resource(name);
            ArticleText.Document document = ArticleText.parse(text);
            assertTrue(document.blocks().stream().noneMatch(block -> BlockTypes.IMAGE.equals(block.type())), name);
            assertEquals(document, ArticleText.parse(ArticleText.write(document)), name);
        }
    }
}
