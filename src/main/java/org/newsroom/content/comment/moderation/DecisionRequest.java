package org.newsroom.content.comment.moderation;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.MultiLine;
import org.newsroom.content.shared.validation.TextLength;

@Schema(name = "DecisionRequest")
public record DecisionRequest(
        @NotNull @Pattern(regexp = "^(approve|reject|spam)$", message = "must be one of approve, reject, spam") @Schema(enumeration = {
                "approve", "reject", "spam"}) String action,
        @TextLength(max = 1000) @MultiLine @Schema(description = "Kept in the audit trail") String reason) {
}
