package org.newsroom.content.shared.web;

public final class ApiPaths {

    public static final String BASE = "/api/v1";

    private ApiPaths() {
    }
}
