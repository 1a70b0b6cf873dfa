package org.newsroom.content.shared.web;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The media types the service compresses ({@code quarkus.http.compress-media-types}), none when compression is off. */
@ApplicationScoped
public class CompressibleTypes {

    private final Set<String> types;

    public CompressibleTypes(
            @ConfigProperty(name = "quarkus.http.enable-compression", defaultValue = "false") boolean enabled,
            @ConfigProperty(name = "quarkus.http.compress-media-types") Optional<List<String>> mediaTypes) {
        this.types = enabled
                ? mediaTypes.orElse(List.of()).stream().map(CompressibleTypes::bare).collect(Collectors.toSet())
                : Set.of();
    }

    public boolean any() {
        return !types.isEmpty();
    }

    /** Whether a {@code Content-Type} value (parameters allowed) names one of them. */
    public boolean includes(String contentType) {
        return contentType != null && types.contains(bare(contentType));
    }

    private static String bare(String mediaType) {
        int parameters = mediaType.indexOf(';');
        return (parameters < 0 ? mediaType : mediaType.substring(0, parameters)).trim().toLowerCase(Locale.ROOT);
    }
}
