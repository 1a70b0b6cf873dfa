package org.newsroom.content.article;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RevisionSummary", description = "One revision of an article, as its history lists it")
public record RevisionSummary(@Schema(description = "1, 2, … per article") int number,
        @Schema(description = "When the change was made") Instant createdAt,
        @Schema(description = "Who made it: the subject of the editor's token (system for the service's own writes, migration for the baseline of an article older than revisions)") String author,
        @Schema(enumeration = {
                "baseline", "created", "replaced", "patched", "published", "unpublished",
                "block-inserted", "block-edited", "block-moved", "block-removed", "restored"}) String kind,
        @Schema(description = "The headline as it stood after the change") String headline) {
}
