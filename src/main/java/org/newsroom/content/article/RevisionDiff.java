package org.newsroom.content.article;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What changed from one revision ({@code from}, the one named by {@code against}) to another ({@code to}): the
 * article's fields, then the body block by block. Blocks are the same block when they have the same id, or, failing
 * that (a replaced body, a restore: new ids), when their type, text and attribution are all equal, and failing
 * that, when both are left over at the same position (an edit sent with the whole body).
 */
@Schema(name = "RevisionDiff", description = "What changed from revision `from` to revision `to`")
public record RevisionDiff(int from, int to,
        @Schema(description = "Changed fields of the article, by name") List<FieldChange> fields,
        @Schema(description = "Blocks in `to` and not in `from`") List<BlockAt> added,
        @Schema(description = "Blocks in `from` and not in `to`") List<BlockAt> removed,
        @Schema(description = "Blocks in both whose order among the others changed (not those only shifted by an insert or a removal)") List<BlockMove> moved,
        @Schema(description = "Blocks in both whose type, text or attribution changed") List<BlockEdit> edited) {

    @Schema(name = "RevisionFieldChange", description = "A field's value in each revision; tags are joined by \", \"")
    public record FieldChange(String field, @Schema(nullable = true) String from, @Schema(nullable = true) String to) {
    }

    @Schema(name = "RevisionBlock", description = "A block and its position in the revision it is in; an image block's text is its line in the plain-text format, [Image: alt | src | caption | credit | WxH]")
    public record BlockAt(long id, int position, String type, String text,
            @Schema(nullable = true) String attribution) {
    }

    @Schema(name = "RevisionBlockMove")
    public record BlockMove(long id, int fromPosition, int toPosition, String text) {
    }

    @Schema(name = "RevisionBlockEdit", description = "An edited block: its old and new content")
    public record BlockEdit(long id, int fromPosition, int toPosition, String oldType, String newType, String oldText,
            String newText, @Schema(nullable = true) String oldAttribution,
            @Schema(nullable = true) String newAttribution) {
    }

    static RevisionDiff between(int fromNumber, ArticleResponse from, int toNumber, ArticleResponse to) {
        List<FieldChange> fields = new ArrayList<>();
        field(fields, "slug", from, to, ArticleResponse::slug);
        field(fields, "headline", from, to, ArticleResponse::headline);
        field(fields, "subheadline", from, to, ArticleResponse::subheadline);
        field(fields, "dateline", from, to, ArticleResponse::dateline);
        field(fields, "byline", from, to, ArticleResponse::byline);
        field(fields, "section", from, to, ArticleResponse::section);
        field(fields, "tags", from, to, article -> article.tags() == null ? "" : String.join(", ", article.tags()));
        field(fields, "status", from, to, ArticleResponse::status);
        field(fields, "publishedAt", from, to, article -> Objects.toString(article.publishedAt(), null));
        field(fields, "commentsOpen", from, to, article -> Boolean.toString(article.commentsOpen()));
        field(fields, "leadImage", from, to,
                article -> article.leadImage() == null ? null : ArticleText.imageLine(article.leadImage()));

        List<ParagraphResponse> before = blocks(from);
        List<ParagraphResponse> after = blocks(to);
        // Pairs, by index in before -> index in after: first by id, then by equal content among those left.
        Map<Integer, Integer> pairs = new HashMap<>();
        Set<Integer> pairedAfter = new HashSet<>();
        Map<Long, Integer> afterById = new HashMap<>();
        for (int j = 0; j < after.size(); j++) {
            afterById.put(after.get(j).id(), j);
        }
        for (int i = 0; i < before.size(); i++) {
            Integer j = afterById.get(before.get(i).id());
            if (j != null) {
                pairs.put(i, j);
                pairedAfter.add(j);
            }
        }
        for (int i = 0; i < before.size(); i++) {
            if (pairs.containsKey(i)) {
                continue;
            }
            for (int j = 0; j < after.size(); j++) {
                if (!pairedAfter.contains(j) && sameContent(before.get(i), after.get(j))) {
                    pairs.put(i, j);
                    pairedAfter.add(j);
                    break;
                }
            }
        }
        // Then a block left over at a position where a block was left over on the other side too: the same block,
        // rewritten (a body sent whole by PUT or PATCH gives every block a new id).
        for (int i = 0; i < before.size(); i++) {
            if (pairs.containsKey(i)) {
                continue;
            }
            for (int j = 0; j < after.size(); j++) {
                if (!pairedAfter.contains(j) && before.get(i).position() == after.get(j).position()) {
                    pairs.put(i, j);
                    pairedAfter.add(j);
                    break;
                }
            }
        }
        List<BlockAt> removed = new ArrayList<>();
        List<BlockEdit> edited = new ArrayList<>();
        List<Integer> pairedInOrder = new ArrayList<>();
        for (int i = 0; i < before.size(); i++) {
            ParagraphResponse old = before.get(i);
            Integer j = pairs.get(i);
            if (j == null) {
                removed.add(at(old));
                continue;
            }
            pairedInOrder.add(i);
            ParagraphResponse now = after.get(j);
            if (!sameContent(old, now)) {
                edited.add(new BlockEdit(now.id(), old.position(), now.position(), old.type(), now.type(), text(old),
                        text(now), old.attribution(), now.attribution()));
            }
        }
        List<BlockAt> added = new ArrayList<>();
        for (int j = 0; j < after.size(); j++) {
            if (!pairedAfter.contains(j)) {
                added.add(at(after.get(j)));
            }
        }
        // Moved: the paired blocks outside a longest run that kept its order (so a shift is not a move).
        int[] targets = pairedInOrder.stream().mapToInt(pairs::get).toArray();
        Set<Integer> kept = longestIncreasing(targets);
        List<BlockMove> moved = new ArrayList<>();
        for (int k = 0; k < targets.length; k++) {
            if (!kept.contains(k)) {
                ParagraphResponse old = before.get(pairedInOrder.get(k));
                ParagraphResponse now = after.get(targets[k]);
                moved.add(new BlockMove(now.id(), old.position(), now.position(), text(now)));
            }
        }
        return new RevisionDiff(fromNumber, toNumber, fields, added, removed, moved, edited);
    }

    private static void field(List<FieldChange> fields, String name, ArticleResponse from, ArticleResponse to,
            Function<ArticleResponse, String> value) {
        String old = value.apply(from);
        String now = value.apply(to);
        if (!Objects.equals(old, now)) {
            fields.add(new FieldChange(name, old, now));
        }
    }

    private static List<ParagraphResponse> blocks(ArticleResponse article) {
        return article.paragraphs() == null ? List.of() : article.paragraphs();
    }

    private static boolean sameContent(ParagraphResponse a, ParagraphResponse b) {
        return Objects.equals(a.type(), b.type()) && Objects.equals(text(a), text(b))
                && Objects.equals(a.attribution(), b.attribution());
    }

    /** A block's text; an image block's is its line in the plain-text format ({@code [Image: alt | src | ...]}). */
    private static String text(ParagraphResponse block) {
        return block.image() == null ? block.text() : ArticleText.imageLine(block.image());
    }

    private static BlockAt at(ParagraphResponse block) {
        return new BlockAt(block.id(), block.position(), block.type(), text(block), block.attribution());
    }

    /** The indexes of one longest strictly increasing subsequence of {@code values} (O(n log n)). */
    static Set<Integer> longestIncreasing(int[] values) {
        int n = values.length;
        int[] tailIndex = new int[n];
        int[] previous = new int[n];
        int length = 0;
        for (int i = 0; i < n; i++) {
            int low = 0;
            int high = length;
            while (low < high) {
                int middle = (low + high) >>> 1;
                if (values[tailIndex[middle]] < values[i]) {
                    low = middle + 1;
                } else {
                    high = middle;
                }
            }
            previous[i] = low > 0 ? tailIndex[low - 1] : -1;
            tailIndex[low] = i;
            length = Math.max(length, low + 1);
        }
        Set<Integer> kept = new HashSet<>();
        for (int i = length == 0 ? -1 : tailIndex[length - 1]; i >= 0; i = previous[i]) {
            kept.add(i);
        }
        return kept;
    }
}
