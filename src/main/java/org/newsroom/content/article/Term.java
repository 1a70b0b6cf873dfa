package org.newsroom.content.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Term", description = "A section or a tag and how many published articles carry it")
public record Term(String name, long articleCount) {
}
