# Build: the Maven wrapper on a JDK 17; the tests need no Docker and run in CI, so the image build skips them.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY mvnw pom.xml ./
COPY .mvn .mvn
RUN ./mvnw -B -q dependency:go-offline
COPY src src
RUN ./mvnw -B package -DskipTests

# Run: the fast-jar on a Java 17 runtime, as a non-root user, on port 8080.
FROM eclipse-temurin:17-jre
RUN useradd --system --uid 185 --home-dir /deployments content
WORKDIR /deployments
COPY --from=build --chown=185 /build/target/quarkus-app/lib/ lib/
COPY --from=build --chown=185 /build/target/quarkus-app/*.jar ./
COPY --from=build --chown=185 /build/target/quarkus-app/app/ app/
COPY --from=build --chown=185 /build/target/quarkus-app/quarkus/ quarkus/
USER 185
EXPOSE 8080
# The database and the token key come from the environment:
#   QUARKUS_DATASOURCE_JDBC_URL, QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD,
#   MP_JWT_VERIFY_PUBLICKEY_LOCATION (PEM file or JWKS URL), MP_JWT_VERIFY_ISSUER, MP_JWT_VERIFY_AUDIENCES,
#   CONTENT_SECRET, CONTENT_PUBLIC_BASE_URL (README: Security and privacy); it does not start without them.
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
