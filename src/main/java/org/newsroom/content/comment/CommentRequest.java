package org.newsroom.content.comment;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.MultiLine;
import org.newsroom.content.shared.validation.SingleLine;
import org.newsroom.content.shared.validation.TextLength;

/**
 * A reader's new comment or reply. An e-mail address is still accepted (and checked) so that older clients keep
 * working, but it is not stored: nothing used it.
 */
@Schema(name = "CommentRequest")
public record CommentRequest(
        @NotBlank @TextLength(max = 80) @SingleLine @Schema(examples = "Reader in Busan") String authorName,
        @Email @Size(max = 254) @SingleLine @Schema(deprecated = true, description = "Deprecated: accepted for compatibility, not stored") String authorEmail,
        @NotBlank @TextLength(max = 5000) @MultiLine @Schema(description = "Plain text, newlines kept; 1 to 5000 characters after trimming") String body,
        @Positive @Schema(description = "The published comment of the same article this answers") Long parentId) {
}
