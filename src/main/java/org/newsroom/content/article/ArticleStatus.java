package org.newsroom.content.article;

/** Stored and sent in lower case: {@code draft}, {@code published}. */
public enum ArticleStatus {

    DRAFT, PUBLISHED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static ArticleStatus fromWire(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }

    @jakarta.persistence.Converter(autoApply = true)
    public static class DatabaseConverter implements jakarta.persistence.AttributeConverter<ArticleStatus, String> {

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
