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
 * Plain text that may span lines: newline and tab are the only control characters allowed, and a carriage return only
 * as part of CRLF (stored as LF, {@link Text#normalized}): a lone one would let a text overwrite the line a terminal
 * shows it on. Nothing XML 1.0 cannot carry (lone surrogates, U+FFFE, U+FFFF).
 */
@Constraint(validatedBy = MultiLine.Validator.class)
@Target({FIELD, PARAMETER, RECORD_COMPONENT, TYPE_USE})
@Retention(RUNTIME)
public @interface MultiLine {

    String message() default "must not contain control characters other than newline and tab";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Validator implements ConstraintValidator<MultiLine, String> {

        @Override
        public boolean isValid(String value, ConstraintValidatorContext context) {
            if (value == null) {
                return true;
            }
            for (int i = 0; i < value.length();) {
                int c = value.codePointAt(i);
                if (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                    return TextRules.refuse(context, TextRules.CARRIAGE_RETURN_MESSAGE);
                }
                if (!TextRules.xmlCanCarry(c)) {
                    return TextRules.refuse(context, TextRules.XML_MESSAGE);
                }
                if (c != '\t' && c != '\n' && c != '\r' && TextRules.isControl(c)) {
                    return false;
                }
                i += Character.charCount(c);
            }
            return true;
        }
    }
}
