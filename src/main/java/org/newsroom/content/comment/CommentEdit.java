package org.newsroom.content.comment;

import jakarta.validation.constraints.NotBlank;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.MultiLine;
import org.newsroom.content.shared.validation.TextLength;

/** The author's change: only the body can change. */
@Schema(name = "CommentEdit")
public record CommentEdit(@NotBlank @TextLength(max = 5000) @MultiLine String body) {
}
