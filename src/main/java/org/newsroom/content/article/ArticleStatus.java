package org.newsroom.content.article;

import java.util.Locale;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stored and sent in lower case: {@code draft}, {@code published}. */
public enum ArticleStatus {

    DRAFT, PUBLISHED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ArticleStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }

    @Converter(autoApply = true)
    public static class DatabaseConverter implements AttributeConverter<ArticleStatus, String> {

        @Override
        public String convertToDatabaseColumn(ArticleStatus status) {
            return status == null ? null : status.wire();
        }

        @Override
        public ArticleStatus convertToEntityAttribute(String value) {
            return value == null ? null : fromWire(value);
        }
    }
}
