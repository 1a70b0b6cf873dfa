package org.newsroom.content.article;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.newsroom.content.shared.validation.SingleLine;

/**
 * A picture by reference (the service stores where it is, never the file): an {@code image} block's picture and an
 * article's lead image. The same record is written and read; a response always says {@code decorative} (false unless
 * set). The rules between the fields ({@link Rules}) and the V10 CHECKs say the same: {@code src} an absolute https
 * URL, {@code alt} required and not blank unless the image is decorative (then absent: a decorative image is
 * {@code alt=""} in HTML), {@code width} and {@code height} both or neither.
 */
@Image.Rules
@Schema(name = "Image", description = "A picture by reference: an image block's and the lead image's")
public record Image(
        @NotNull @Size(max = Image.MAX_SRC) @Schema(description = "Absolute https URL of the picture", maxLength = Image.MAX_SRC, pattern = "^https://\\S+$") String src,
        @Size(max = 500) @SingleLine @Schema(nullable = true, description = "Required and not blank unless decorative is true; absent on a decorative image") String alt,
        @Schema(nullable = true, defaultValue = "false", description = "True for a picture that adds nothing to the text (alt=\"\" in HTML)") Boolean decorative,
        @Size(max = 1000) @SingleLine @Schema(nullable = true, pattern = "\\S") String caption,
        @Size(max = 200) @SingleLine @Schema(nullable = true, pattern = "\\S") String credit,
        @Positive @Max(Image.MAX_PIXELS) @Schema(nullable = true, description = "In pixels; with height") Integer width,
        @Positive @Max(Image.MAX_PIXELS) @Schema(nullable = true, description = "In pixels; with width") Integer height) {

    static final int MAX_SRC = 2000;
    static final int MAX_PIXELS = 100_000;

    /** As stored and answered: {@code decorative} is true or false, never null. */
    public Image normalized() {
        return decorative != null ? this : new Image(src, alt, false, caption, credit, width, height);
    }

    public boolean isDecorative() {
        return Boolean.TRUE.equals(decorative);
    }

    /** An absolute https URL with a host, as {@link URI} reads it (so no spaces, no {@code |}). */
    static boolean isHttpsUrl(String value) {
        try {
            URI uri = new URI(value);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && !uri.getHost().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The rules between an image's fields, each refusal on the field it is about. */
    @Constraint(validatedBy = Rules.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface Rules {

        String message() default "is not a valid image";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Rules, Image> {

            @Override
            public boolean isValid(Image image, ConstraintValidatorContext context) {
                if (image == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                boolean valid = true;
                if (image.src() != null && image.src().length() <= MAX_SRC && !isHttpsUrl(image.src())) {
                    valid = refuse(context, "src", "must be an absolute https URL");
                }
                if (image.isDecorative()) {
                    if (image.alt() != null) {
                        valid = refuse(context, "alt", "must be absent on a decorative image");
                    }
                } else if (image.alt() == null || image.alt().isBlank()) {
                    valid = refuse(context, "alt", "must not be blank unless decorative is true");
                }
                if (image.caption() != null && image.caption().isBlank()) {
                    valid = refuse(context, "caption", "must not be blank when present");
                }
                if (image.credit() != null && image.credit().isBlank()) {
                    valid = refuse(context, "credit", "must not be blank when present");
                }
                if (image.width() != null && image.height() == null) {
                    valid = refuse(context, "height", "must be given with width");
                } else if (image.width() == null && image.height() != null) {
                    valid = refuse(context, "width", "must be given with height");
                }
                return valid;
            }

            private static boolean refuse(ConstraintValidatorContext context, String field, String message) {
                context.buildConstraintViolationWithTemplate(message).addPropertyNode(field)
                        .addConstraintViolation();
                return false;
            }
        }
    }
}
