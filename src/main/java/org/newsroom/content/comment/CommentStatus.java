package org.newsroom.content.comment;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stored and sent in lower case. Readers see PUBLISHED comments, and DELETED tombstones of comments they saw. */
public enum CommentStatus {

    PUBLISHED, PENDING, REJECTED, SPAM, DELETED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<CommentStatus, String> {

        @Override
        public String convertToDatabaseColumn(CommentStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public CommentStatus convertToEntityAttribute(String value) {
            return value == null ? null : CommentStatus.valueOf(value.toUpperCase(Locale.ROOT));
        }
    }
}
