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
 * Plain text on one line: no line breaks and no control characters (tab aside), so that nothing a client sends can
 * break the plain-text format or reach PostgreSQL as a NUL; nothing XML 1.0 cannot carry (lone surrogates, U+FFFE,
 * U+FFFF), so that no text can break the feeds; and no bidirectional override or isolate (U+202A to U+202E, U+2066 to
 * U+2069), which would make a name or a headline read as something else (docs/http-api.md §1, §5).
 */
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface SingleLine {

    String message() default "must be one line of text without control characters";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<SingleLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length();) {
                int c = value.codePointAt(i);
                if (TextRules.isBidiControl(c)) {
                    return TextRules.refuse(context, TextRules.BIDI_MESSAGE);
                }
                if (!TextRules.xmlCanCarry(c)) {
                    return TextRules.refuse(context, TextRules.XML_MESSAGE);
                }
                if (c != '\t' && (TextRules.isControl(c) || c == '\u2028' || c == '\u2029')) {
                    return false;
                }
                i += Character.charCount(c);
            }
            return true;
        }
    }
}
