package org.newsroom.content.shared.idempotency;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.interceptor.InterceptorBinding;

/**
 * A service method that runs once per {@link IdempotencyKey}, inside the method's own transaction: it takes an
 * {@code IdempotencyKey} parameter, its other parameters are the request, and it answers {@link Posted}.
 */
@InterceptorBinding
@Target({ElementType.METHOD, ElementType.TYPE})
@Retention(RetentionPolicy.RUNTIME)
public @interface Idempotent {
}
