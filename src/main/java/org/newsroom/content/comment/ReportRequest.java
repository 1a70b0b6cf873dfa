package org.newsroom.content.comment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.MultiLine;
import org.newsroom.content.shared.validation.TextLength;

@Schema(name = "ReportRequest")
public record ReportRequest(
        @NotNull @Pattern(regexp = "^(spam|abuse|off-topic|other)$", message = "must be one of spam, abuse, off-topic, other") @Schema(enumeration = {
                "spam", "abuse", "off-topic", "other"}) String reason,
        @TextLength(max = 1000) @MultiLine String detail) {
}
