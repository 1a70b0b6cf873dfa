package org.newsroom.content.shared.validation;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import java.lang.annotation.Retention;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * Length as a reader counts it (docs/http-api.md §5): characters (code points, so an emoji is one) of the text as
 * {@link Text#normalized} keeps it, which is what the services store. {@code @Size} would count UTF-16 units of the raw
 * text. Null and blank are left to {@code @NotNull} and {@code @NotBlank}.
 */
@Constraint(validatedBy = TextLength.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface TextLength {

    int max();

    String message() default "must be at most {max} characters long";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<TextLength, String> {

        private int max;

        @Override
        public void initialize(TextLength annotation) {
            max = annotation.max();
        }

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            return value == null || Text.length(value) <= max;
        }
    }
}
