package org.newsroom.content.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void lowerCasesAndHyphenatesAHeadline() {
        assertEquals("north-korea-vows-to-beef-up-china-ties",
                Slugs.fromHeadline("North Korea vows to beef up China ties"));
    }

    @Test
    void dropsAccentsApostrophesAndPunctuation() {
        assertEquals("sao-paulos-mayor-wins", Slugs.fromHeadline("São Paulo’s mayor — wins!"));
        assertEquals("whats-next", Slugs.fromHeadline("“What’s next?”"));
    }

    @Test
    void alwaysHasALetterSoItIsNeverAnId() {
        assertEquals("article-2024", Slugs.fromHeadline("2024"));
        assertEquals("article", Slugs.fromHeadline("!!!"));
        assertEquals("article", Slugs.fromHeadline("北京"));
    }

    @Test
    void cutsLongHeadlinesAtAWordBoundary() {
        String slug = Slugs.fromHeadline("word ".repeat(40));
        assertTrue(slug.length() <= 80);
        assertFalse(slug.endsWith("-"));
        assertTrue(slug.matches(Slugs.PATTERN));
        // Seven characters a word: a cut at 80 would fall inside the twelfth, so the slug ends after the eleventh.
        assertEquals(String.join("-", Collections.nCopies(11, "abcdef")),
                Slugs.fromHeadline("abcdef ".repeat(20)));
    }

    @Test
    void picksTheFirstFreeNumberedSlug() {
        assertEquals("a", Slugs.firstFree("a", List.of()));
        assertEquals("a-2", Slugs.firstFree("a", List.of("a")));
        assertEquals("a-4", Slugs.firstFree("a", List.of("a", "a-2", "a-3")));
    }

    @Test
    void matchesOnlyWellFormedSlugs() {
        assertTrue("a-1".matches(Slugs.PATTERN));
        assertFalse("123".matches(Slugs.PATTERN));
        assertFalse("a--b".matches(Slugs.PATTERN));
        assertFalse("-a".matches(Slugs.PATTERN));
        assertFalse("A".matches(Slugs.PATTERN));
    }
}
