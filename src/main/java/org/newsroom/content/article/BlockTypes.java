package org.newsroom.content.article;

import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.Set;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

import org.newsroom.content.shared.error.ApiException;

/**
 * The five kinds of body block and the rules between them: only quotes carry an attribution; an image block carries an
 * image and no text, every other block a text and no image. The schema's CHECKs (V1, V10) hold the same rules for any
 * other writer.
 */
public final class BlockTypes {

    public static final String PARAGRAPH = "paragraph";
    public static final String HEADING = "heading";
    public static final String PULLQUOTE = "pullquote";
    public static final String BLOCKQUOTE = "blockquote";
    public static final String IMAGE = "image";
    public static final Set<String> ALL = Set.of(PARAGRAPH, HEADING, PULLQUOTE, BLOCKQUOTE, IMAGE);
    /**
     * For Bean Validation's {@code @Pattern}, which needs a constant; anchored, so that it means the same to JSON Schema
     * (which finds a pattern anywhere in the value) as to Java (which matches it whole).
     */
    public static final String PATTERN = "^(paragraph|heading|pullquote|blockquote|image)$";
    public static final String MESSAGE = "must be one of paragraph, heading, pullquote, blockquote, image";

    private BlockTypes() {
    }

    public static boolean takesAttribution(String type) {
        return PULLQUOTE.equals(type) || BLOCKQUOTE.equals(type);
    }

    /** Refuses an attribution on a block that cannot carry one, naming the field it came in. */
    public static void checkAttribution(String field, Block block) {
        if (block.attribution() != null && !takesAttribution(block.type())) {
            throw ApiException.invalid(field, "is only allowed on pullquote and blockquote blocks");
        }
    }

    /** What a written block holds, for {@link Shape}: its type, its text and its image. */
    interface Written {

        String type();

        String text();

        Image image();
    }

    /**
     * A block's text and image against its type: an image block has an image and no text, any other block (an unknown
     * type included, which its own constraint refuses) a text that is not blank and no image.
     */
    @Constraint(validatedBy = Shape.Validator.class)
    @Target(TYPE)
    @Retention(RUNTIME)
    public @interface Shape {

        String message() default "is not a valid block";

        Class<?>[] groups() default {};

        Class<? extends Payload>[] payload() default {};

        class Validator implements ConstraintValidator<Shape, Written> {

            @Override
            public boolean isValid(Written block, ConstraintValidatorContext context) {
                if (block == null) {
                    return true;
                }
                context.disableDefaultConstraintViolation();
                boolean valid = true;
                if (IMAGE.equals(block.type())) {
                    if (block.text() != null) {
                        valid = refuse(context, "text", "must be absent on an image block");
                    }
                    if (block.image() == null) {
                        valid = refuse(context, "image", "must not be null on an image block");
                    }
                } else {
                    if (block.text() == null || block.text().isBlank()) {
                        valid = refuse(context, "text", "must not be blank");
                    }
                    if (block.image() != null) {
                        valid = refuse(context, "image", "is only allowed on image blocks");
                    }
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
