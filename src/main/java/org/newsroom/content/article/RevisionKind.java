package org.newsroom.content.article;

/** What kind of change made a revision (the wire names, also the V9 CHECK). */
public enum RevisionKind {

    BASELINE("baseline"), CREATED("created"), REPLACED("replaced"), PATCHED("patched"), PUBLISHED(
            "published"), UNPUBLISHED("unpublished"), BLOCK_INSERTED("block-inserted"), BLOCK_EDITED(
                    "block-edited"), BLOCK_MOVED("block-moved"), BLOCK_REMOVED("block-removed"), RESTORED("restored");

    private final String wire;

    RevisionKind(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    /**
     * A replace or a patch that changes the status is named by that: a publication or its undoing says more than
     * "patched". A restore stays a restore.
     */
    RevisionKind afterStatus(ArticleStatus before, ArticleStatus after) {
        if (this == RESTORED || this == CREATED || before == after) {
            return this;
        }
        return after == ArticleStatus.PUBLISHED ? PUBLISHED : UNPUBLISHED;
    }
}
