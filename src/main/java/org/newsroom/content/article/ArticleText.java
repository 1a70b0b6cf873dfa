package org.newsroom.content.article;

import static org.newsroom.content.article.BlockTypes.BLOCKQUOTE;
import static org.newsroom.content.article.BlockTypes.HEADING;
import static org.newsroom.content.article.BlockTypes.IMAGE;
import static org.newsroom.content.article.BlockTypes.PARAGRAPH;
import static org.newsroom.content.article.BlockTypes.PULLQUOTE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and writes the plain-text article format used for import and export.
 *
 * <h2>Shape of a document</h2>
 * <pre>
 * Headline                                   (line 1, taken literally, must not be blank)
 * Sub-headline                               (line 2, taken literally; blank or absent: none)
 * TEHRAN - First paragraph...                (dateline taken off the first paragraph)
 * Another paragraph.
 * ## A heading
 * &gt; A block quote
 * — Its attribution
 * &gt;&gt; A pull-quote in the middle of the article
 * [Image: Alt text | https://example.org/a.jpg | Caption | Credit | 1200x800]
 * \## A paragraph that really starts with "## "
 * *****************H
 * A pull-quote at the end of the article
 * Leave a Comment                            (dropped)
 * </pre>
 *
 * <h2>Reading ({@link #parse})</h2>
 * <ul>
 * <li>Lines are split on {@code \n}; one trailing {@code \r} per line is removed (CRLF input).
 *     A UTF-8 byte order mark (U+FEFF) at the very start of the text is removed.</li>
 * <li>Line 1 is the headline; a blank headline (or an empty document) is a {@link FormatException}.
 *     Line 2 is the subheadline purely by position: if it is blank or absent the subheadline is
 *     {@code null}. Neither is ever interpreted (no markers, no escaping).</li>
 * <li>From line 3 on ("body lines"), blank (whitespace-only) lines are ignored.</li>
 * <li>If the last non-blank body line, trimmed, equals {@code Leave a Comment} (any case) it is the
 *     source page's comment prompt and is dropped. The same text anywhere else is kept.</li>
 * <li>Before the separator, a body line starting with
 *     {@code "## "} is a {@code heading}, {@code "> "} a {@code blockquote}, {@code ">> "} a
 *     {@code pullquote} placed inline; the marker is removed and the rest is kept as is.
 *     A body line (before the separator) that starts with {@code "[Image: "} is an {@code image} block; it must end
 *     with {@code "]"} (else a {@link FormatException}). Between the two, fields are separated by {@code " | "}, in
 *     this order: alt, src, caption, credit, size; alt and src are required, the others may be left out from the end,
 *     and an empty caption or credit is none. An empty alt makes the image decorative. The size is
 *     {@code WIDTHxHEIGHT} in pixels. In a field, {@code \|} stands for {@code |} and {@code \\} for
 *     {@code \}; any other backslash is itself. Whether the image is valid (an https src, say) is the API's rule,
 *     checked after reading.</li>
 * <li>Any other line is a {@code paragraph}.</li>
 * <li>The separator is a line matching {@code ^\*{3,}H?\s*$}. After it every non-blank line is a
 *     {@code pullquote} whose text is the line as is (markers are not interpreted there).</li>
 * <li>A line starting with {@code "— "} (U+2014 and a space) immediately after a
 *     {@code blockquote} or {@code pullquote} line (no blank line in between) is that quote's
 *     attribution (the text after {@code "— "}). Anywhere else it is ordinary text.</li>
 * <li>A body line starting with a backslash has that one backslash removed and the rest is taken
 *     literally: as a {@code paragraph} before the separator, as a {@code pullquote} after it.
 *     This is how {@link #write} protects text that would otherwise be misread.</li>
 * <li>Dateline: if the first body block is an unescaped {@code paragraph} that starts with a
 *     dateline followed by {@code " - "} (or {@code " – "}, {@code " — "}), the dateline and that
 *     dash are taken off the paragraph. A dateline is 1 to 60 characters: upper-case letters of
 *     any script ({@code \p{Lu}}), combining marks, spaces and {@code . , ' ’ - /}; it starts with an
 *     upper-case letter or {@code .} and ends with an upper-case letter, {@code .} or a combining
 *     mark (so a decomposed {@code LOMÉ} counts). The shortest such prefix wins, so
 *     {@code "WASHINGTON, D.C. - Text"} gives {@code WASHINGTON, D.C.} and
 *     {@code "A - B - Text"} gives {@code A}. Only the first block can carry a dateline.</li>
 * <li>Text is never trimmed or otherwise altered; Unicode quotes and dashes are kept as they are.
 *     A document with no body blocks is allowed.</li>
 * </ul>
 *
 * <h2>Writing ({@link #write})</h2>
 * <ul>
 * <li>Writes the same shape; every line, the last included, ends with {@code \n}. A blank line goes before each
 *     block (so between the sub-headline and the body, and between blocks) and before the separator, never between
 *     a quote and its attribution: text editors and terminals show one paragraph per block, and reading ignores
 *     blank lines. The
 *     {@code Leave a Comment} prompt is never written.</li>
 * <li>The dateline is written as {@code DATELINE - } (ASCII hyphen) before the first block when
 *     that block is a {@code paragraph}. If the first block is not a paragraph, or there are no
 *     blocks, the format cannot carry the dateline and it is dropped. A blank dateline and a blank
 *     subheadline are written as absent, so they read back as {@code null}.</li>
 * <li>The trailing run of {@code pullquote} blocks (every block after the last block that is not a
 *     pull-quote) goes after a separator written as {@code *****************H}; with no such run no
 *     separator is written. Every other pull-quote is written inline as {@code >> text}.</li>
 * <li>An image block is written as {@code [Image: alt | src | caption | credit | WxH]}, trailing absent fields
 *     left out, an absent caption before a credit or size written empty, {@code \} and {@code |} in a field
 *     escaped with a backslash. A decorative image's alt is written empty.</li>
 * <li>A quote's non-null attribution is written on the next line as {@code — attribution}.</li>
 * <li>A paragraph's or trailing pull-quote's text gets a leading backslash when it would otherwise
 *     be misread: when it is blank, starts with {@code "## "}, {@code "> "}, {@code ">> "},
 *     {@code "\"}, {@code "[Image: "} or {@code "— "}, matches the separator, trimmed equals {@code Leave a Comment}, or
 *     (first paragraph with no dateline only) starts like a dateline. Headings and quotes need no
 *     escaping because their marker comes first.</li>
 * <li>{@link IllegalArgumentException} when the document cannot be represented exactly: a null or
 *     blank headline, a headline/subheadline/text/attribution containing a line break
 *     ({@code \n} or {@code \r}), an unknown block type, a null text, an attribution on a paragraph
 *     or heading, or a dateline (before a first paragraph) that would not read back as itself.</li>
 * </ul>
 * With those rules {@code parse(write(d))} equals {@code d} for every document {@code write}
 * accepts (apart from the blank dateline/subheadline and dropped dateline noted above).
 */
public final class ArticleText {

    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final String HEADING_MARKER = "## ";
    private static final String BLOCKQUOTE_MARKER = "> ";
    private static final String INLINE_PULLQUOTE_MARKER = ">> ";
    private static final String ATTRIBUTION_MARKER = "\u2014 "; // em dash and a space
    private static final String ESCAPE = "\\";
    private static final String IMAGE_MARKER = "[Image: ";
    private static final String IMAGE_END = "]";
    private static final String IMAGE_FIELD_SEPARATOR = " | ";
    private static final Pattern IMAGE_SIZE = Pattern.compile("([1-9][0-9]{0,8})x([1-9][0-9]{0,8})");
    private static final String SEPARATOR_WRITTEN = "*****************H";
    private static final String DATELINE_SEPARATOR_WRITTEN = " - ";
    /** Between a dateline and the first paragraph when they are printed together, as a newspaper prints them. */
    public static final String DATELINE_IN_TEXT = " \u2013 ";
    private static final String COMMENT_PROMPT = "Leave a Comment";
    private static final int MAX_DATELINE_LENGTH = 60;

    private static final Pattern SEPARATOR = Pattern.compile("\\*{3,}H?\\s*");

    /*
     * Bounded (at most MAX_DATELINE_LENGTH characters) and lazy: the shortest dateline that is
     * followed by a dash wins, which keeps matching linear and makes the written form
     * "DATELINE - text" read back unambiguously.
     */
    private static final Pattern DATELINE_PREFIX = Pattern.compile(
            "([\\p{Lu}.](?:[\\p{Lu}\\p{M} .,'\u2019/-]{0," + (MAX_DATELINE_LENGTH - 2) + "}?"
                    + "[\\p{Lu}\\p{M}.])??) [-\u2013\u2014] ");

    /** An article as carried by the text format. {@code subheadline} and {@code dateline} may be null. */
    public record Document(String headline, String subheadline, String dateline, List<Block> blocks) {
    }

    /** The text is not a readable article; the message starts with the 1-based line number. */
    public static final class FormatException extends RuntimeException {

        private final int lineNumber;

        public FormatException(int lineNumber, String problem) {
            super("line " + lineNumber + ": " + problem);
            this.lineNumber = lineNumber;
        }

        public int lineNumber() {
            return lineNumber;
        }
    }

    private ArticleText() {
    }

    /**
     * Reads an article; see the class documentation for the rules.
     *
     * @throws FormatException if the document is empty or its headline is blank
     */
    public static Document parse(String text) {
        String content = text == null ? "" : text;
        if (content.startsWith(BYTE_ORDER_MARK)) {
            content = content.substring(BYTE_ORDER_MARK.length());
        }
        if (content.isBlank()) {
            throw new FormatException(1, "the document is empty");
        }
        List<String> lines = splitLines(content);
        String headline = lines.get(0);
        if (headline.isBlank()) {
            throw new FormatException(1, "the headline must not be blank");
        }
        String subheadline = lines.size() > 1 && !lines.get(1).isBlank() ? lines.get(1) : null;
        return readBody(headline, subheadline, lines);
    }

    /**
     * Returns true if {@code dateline} can be written before the first paragraph and read back
     * exactly as itself. Lets callers validate a dateline before {@link #write} refuses it.
     */
    public static boolean isValidDateline(String dateline) {
        if (dateline == null) {
            return false;
        }
        Matcher matcher = DATELINE_PREFIX.matcher(dateline + DATELINE_SEPARATOR_WRITTEN);
        return matcher.lookingAt() && matcher.group(1).equals(dateline);
    }

    /**
     * Writes an article as {@link #write} does; a dateline the format cannot read back (it is free text when an editor
     * writes JSON) is kept as words before the first paragraph instead, so every stored article can be exported.
     */
    public static String export(Document document) {
        try {
            return write(document);
        } catch (IllegalArgumentException unwritableDateline) {
            if (document.dateline() == null) {
                throw unwritableDateline;
            }
            return write(new Document(document.headline(), document.subheadline(), null,
                    withDatelineInText(document.dateline(), document.blocks())));
        }
    }

    private static List<Block> withDatelineInText(String dateline, List<Block> body) {
        List<Block> blocks = new ArrayList<>(body);
        for (int i = 0; i < blocks.size(); i++) {
            Block block = blocks.get(i);
            if (block.type().equals(PARAGRAPH)) {
                blocks.set(i, new Block(PARAGRAPH, dateline + DATELINE_IN_TEXT + block.text(), null));
                break;
            }
        }
        return blocks;
    }

    /**
     * Writes an article so that {@link #parse} reads it back as the same document.
     *
     * @throws IllegalArgumentException if the document cannot be represented (see the class documentation)
     */
    public static String write(Document document) {
        requireWritable(document);
        String subheadline = isBlank(document.subheadline()) ? "" : document.subheadline();
        String dateline = isBlank(document.dateline()) ? null : document.dateline();
        List<Block> blocks = document.blocks() == null ? List.of() : document.blocks();
        StringBuilder out = new StringBuilder();
        appendLine(out, document.headline());
        appendLine(out, subheadline);
        // Pull-quotes at the end go after the separator, where no marker is needed.
        int trailingPullquotesStart = blocks.size();
        while (trailingPullquotesStart > 0 && isPullquote(blocks.get(trailingPullquotesStart - 1))) {
            trailingPullquotesStart--;
        }
        appendInline(out, blocks.subList(0, trailingPullquotesStart), dateline);
        appendAfterSeparator(out, blocks.subList(trailingPullquotesStart, blocks.size()));
        return out.toString();
    }

    private static void requireWritable(Document document) {
        if (document == null) {
            throw new IllegalArgumentException("document must not be null");
        }
        if (document.headline() == null || document.headline().isBlank()) {
            throw new IllegalArgumentException("the headline must not be blank");
        }
        requireSingleLine("headline", document.headline());
        if (!isBlank(document.subheadline())) {
            requireSingleLine("subheadline", document.subheadline());
        }
        for (Block block : document.blocks() == null ? List.<Block>of() : document.blocks()) {
            requireWritable(block);
        }
    }

    private static void appendInline(StringBuilder out, List<Block> blocks, String dateline) {
        for (int index = 0; index < blocks.size(); index++) {
            Block block = blocks.get(index);
            out.append('\n');
            switch (block.type()) {
                case PARAGRAPH -> appendLine(out, paragraphLine(block.text(), index == 0, dateline));
                case HEADING -> appendLine(out, HEADING_MARKER + block.text());
                case BLOCKQUOTE -> appendLine(out, BLOCKQUOTE_MARKER + block.text());
                case PULLQUOTE -> appendLine(out, INLINE_PULLQUOTE_MARKER + block.text());
                case IMAGE -> appendLine(out, imageLine(block.image()));
                default -> throw new IllegalStateException("unchecked block type " + block.type());
            }
            appendAttribution(out, block);
        }
    }

    private static void appendAfterSeparator(StringBuilder out, List<Block> pullquotes) {
        if (pullquotes.isEmpty()) {
            return;
        }
        out.append('\n');
        appendLine(out, SEPARATOR_WRITTEN);
        for (Block block : pullquotes) {
            out.append('\n');
            appendLine(out, needsEscape(block.text(), false) ? ESCAPE + block.text() : block.text());
            appendAttribution(out, block);
        }
    }

    private static Document readBody(String headline, String subheadline, List<String> lines) {
        int bodyEnd = lines.size();
        int lastNonBlank = lastNonBlankBodyLine(lines);
        if (lastNonBlank >= 0 && isCommentPrompt(lines.get(lastNonBlank))) {
            bodyEnd = lastNonBlank;
        }

        List<Block> blocks = new ArrayList<>();
        String dateline = null;
        boolean afterSeparator = false;
        boolean previousLineWasQuote = false;

        for (int index = 2; index < bodyEnd; index++) {
            String line = lines.get(index);
            // An attribution must sit on the very next line after its quote.
            boolean attributionAllowed = previousLineWasQuote;
            previousLineWasQuote = false;

            if (line.isBlank()) {
                continue;
            }
            if (attributionAllowed && line.startsWith(ATTRIBUTION_MARKER)) {
                Block quote = blocks.remove(blocks.size() - 1);
                String attribution = line.substring(ATTRIBUTION_MARKER.length());
                blocks.add(new Block(quote.type(), quote.text(), attribution));
                continue;
            }
            if (line.startsWith(ESCAPE)) {
                String literal = line.substring(ESCAPE.length());
                blocks.add(new Block(afterSeparator ? PULLQUOTE : PARAGRAPH, literal, null));
                previousLineWasQuote = afterSeparator;
            } else if (afterSeparator) {
                blocks.add(new Block(PULLQUOTE, line, null));
                previousLineWasQuote = true;
            } else if (SEPARATOR.matcher(line).matches()) {
                afterSeparator = true;
            } else if (line.startsWith(IMAGE_MARKER)) {
                blocks.add(Block.image(readImage(line, index + 1)));
            } else if (line.startsWith(HEADING_MARKER)) {
                blocks.add(new Block(HEADING, line.substring(HEADING_MARKER.length()), null));
            } else if (line.startsWith(INLINE_PULLQUOTE_MARKER)) {
                blocks.add(new Block(PULLQUOTE, line.substring(INLINE_PULLQUOTE_MARKER.length()), null));
                previousLineWasQuote = true;
            } else if (line.startsWith(BLOCKQUOTE_MARKER)) {
                blocks.add(new Block(BLOCKQUOTE, line.substring(BLOCKQUOTE_MARKER.length()), null));
                previousLineWasQuote = true;
            } else {
                String paragraph = line;
                if (blocks.isEmpty()) {
                    Matcher matcher = DATELINE_PREFIX.matcher(line);
                    if (matcher.lookingAt()) {
                        dateline = matcher.group(1);
                        paragraph = line.substring(matcher.end());
                    }
                }
                blocks.add(new Block(PARAGRAPH, paragraph, null));
            }
        }
        return new Document(headline, subheadline, dateline, List.copyOf(blocks));
    }

    private static List<String> splitLines(String content) {
        List<String> lines = new ArrayList<>();
        for (String line : content.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        return lines;
    }

    /** Index of the last non-blank line from line 3 on, or -1; headline and subheadline are never the prompt. */
    private static int lastNonBlankBodyLine(List<String> lines) {
        for (int index = lines.size() - 1; index >= 2; index--) {
            if (!lines.get(index).isBlank()) {
                return index;
            }
        }
        return -1;
    }

    private static boolean isCommentPrompt(String text) {
        return text.strip().toLowerCase(Locale.ROOT).equals(COMMENT_PROMPT.toLowerCase(Locale.ROOT));
    }

    private static String paragraphLine(String text, boolean first, String dateline) {
        if (first && dateline != null) {
            if (!isValidDateline(dateline)) {
                throw new IllegalArgumentException("the dateline cannot be written so that it reads back: " + dateline);
            }
            // Behind a dateline the text is never read as a marker, so it needs no escape.
            return dateline + DATELINE_SEPARATOR_WRITTEN + text;
        }
        return needsEscape(text, first) ? ESCAPE + text : text;
    }

    /** True if {@code text}, written as a bare line, would not read back as that same text. */
    private static boolean needsEscape(String text, boolean couldBeReadAsDateline) {
        return text.isBlank()
                || text.startsWith(ESCAPE)
                || text.startsWith(HEADING_MARKER)
                || text.startsWith(IMAGE_MARKER)
                || text.startsWith(BLOCKQUOTE_MARKER)
                || text.startsWith(INLINE_PULLQUOTE_MARKER)
                || text.startsWith(ATTRIBUTION_MARKER)
                || SEPARATOR.matcher(text).matches()
                || isCommentPrompt(text)
                || (couldBeReadAsDateline && DATELINE_PREFIX.matcher(text).lookingAt());
    }

    /** An image as the plain-text format writes it: {@code [Image: alt | src | caption | credit | WxH]}. */
    static String imageLine(Image image) {
        List<String> fields = new ArrayList<>();
        fields.add(image.isDecorative() || image.alt() == null ? "" : image.alt());
        fields.add(image.src());
        fields.add(image.caption() == null ? "" : image.caption());
        fields.add(image.credit() == null ? "" : image.credit());
        fields.add(image.width() == null ? "" : image.width() + "x" + image.height());
        while (fields.get(fields.size() - 1).isEmpty()) {
            fields.remove(fields.size() - 1);
        }
        StringBuilder line = new StringBuilder(IMAGE_MARKER);
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                line.append(IMAGE_FIELD_SEPARATOR);
            }
            line.append(fields.get(i).replace(ESCAPE, ESCAPE + ESCAPE).replace("|", ESCAPE + "|"));
        }
        return line.append(IMAGE_END).toString();
    }

    /** An image line's fields (see the class documentation); what they hold is checked by the API afterwards. */
    private static Image readImage(String line, int lineNumber) {
        if (!line.endsWith(IMAGE_END) || line.length() < IMAGE_MARKER.length() + IMAGE_END.length()) {
            throw new FormatException(lineNumber, "an image line must end with ]");
        }
        String inner = line.substring(IMAGE_MARKER.length(), line.length() - IMAGE_END.length());
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length() && (inner.charAt(i + 1) == '|' || inner.charAt(i + 1) == '\\')) {
                field.append(inner.charAt(++i));
            } else if (inner.startsWith(IMAGE_FIELD_SEPARATOR, i)) {
                fields.add(field.toString());
                field.setLength(0);
                i += IMAGE_FIELD_SEPARATOR.length() - 1;
            } else {
                field.append(c);
            }
        }
        fields.add(field.toString());
        if (fields.size() < 2 || fields.size() > 5) {
            throw new FormatException(lineNumber, "an image line has 2 to 5 fields separated by \" | \""
                    + " (alt | src | caption | credit | WIDTHxHEIGHT), not " + fields.size());
        }
        String alt = fields.get(0);
        Integer width = null;
        Integer height = null;
        if (fields.size() == 5 && !fields.get(4).isEmpty()) {
            Matcher size = IMAGE_SIZE.matcher(fields.get(4));
            if (!size.matches()) {
                throw new FormatException(lineNumber, "an image's size is WIDTHxHEIGHT in pixels, like 1200x800");
            }
            width = Integer.valueOf(size.group(1));
            height = Integer.valueOf(size.group(2));
        }
        return new Image(fields.get(1), alt.isEmpty() ? null : alt, alt.isEmpty(), emptyAsNull(fields, 2),
                emptyAsNull(fields, 3), width, height);
    }

    private static String emptyAsNull(List<String> fields, int index) {
        return index < fields.size() && !fields.get(index).isEmpty() ? fields.get(index) : null;
    }

    private static void appendAttribution(StringBuilder out, Block block) {
        if (block.attribution() != null) {
            appendLine(out, ATTRIBUTION_MARKER + block.attribution());
        }
    }

    private static void appendLine(StringBuilder out, String line) {
        out.append(line).append('\n');
    }

    private static void requireWritable(Block block) {
        if (block == null || block.type() == null || !BlockTypes.ALL.contains(block.type())) {
            throw new IllegalArgumentException("unknown block type: " + (block == null ? null : block.type()));
        }
        if (IMAGE.equals(block.type())) {
            requireWritable(block.image());
            return;
        }
        if (block.text() == null) {
            throw new IllegalArgumentException("a " + block.type() + " block must have a text");
        }
        requireSingleLine(block.type() + " text", block.text());
        if (block.attribution() != null) {
            if (!BlockTypes.takesAttribution(block.type())) {
                throw new IllegalArgumentException("only quotes carry an attribution, not a " + block.type());
            }
            requireSingleLine("attribution", block.attribution());
        }
    }

    /**
     * An image reads back as itself when it has a src, no line break, its alt is absent exactly
     * when it is decorative and is not empty, its caption and credit are not empty, and it has both sizes or neither.
     */
    private static void requireWritable(Image image) {
        if (image == null || image.src() == null || image.src().isEmpty()) {
            throw new IllegalArgumentException("an image block needs a src");
        }
        if (image.isDecorative() != (image.alt() == null) || "".equals(image.alt()) || "".equals(image.caption())
                || "".equals(image.credit()) || (image.width() == null) != (image.height() == null)
                || (image.width() != null && (image.width() < 1 || image.height() < 1))) {
            throw new IllegalArgumentException("the image cannot be written so that it reads back: " + image);
        }
        for (String text : new String[]{image.src(), image.alt(), image.caption(), image.credit()}) {
            if (text != null) {
                requireSingleLine("image text", text);
            }
        }
    }

    private static void requireSingleLine(String what, String value) {
        if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the " + what + " must not contain a line break");
        }
    }

    private static boolean isPullquote(Block block) {
        return block.type().equals(PULLQUOTE);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
