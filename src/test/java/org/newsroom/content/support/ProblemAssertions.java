package org.newsroom.content.support;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.ValidatableResponse;

/** The whole RFC 9457 problem body, as every error test asserts it. */
public final class ProblemAssertions {

    public static final String PROBLEM = "application/problem+json";

    private ProblemAssertions() {
    }

    public static ValidatableResponse problem(ValidatableResponse response, int status, String code, String slug,
            String title, String instance) {
        return response.statusCode(status).contentType(PROBLEM)
                .body("type", equalTo("https://content.example/problems/" + slug))
                .body("title", equalTo(title))
                .body("status", equalTo(status))
                .body("instance", equalTo(instance))
                .body("code", equalTo(code));
    }
}
