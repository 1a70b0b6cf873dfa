package org.newsroom.content.shared.validation;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;

/**
 * Bean Validation for values that are not validated on the way in: a merge patch's result, a parsed text, or a body
 * whose caller must be identified first. Violations become the same 400 problem as everywhere else.
 */
@ApplicationScoped
public class Checked {

    private final Validator validator;

    public Checked(Validator validator) {
        this.validator = validator;
    }

    public <T> T valid(T value) {
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        return value;
    }
}
