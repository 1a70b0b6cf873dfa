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
# JVM flags from bench/startup.sh (bench/RESULTS.md, "Start-up and memory"; README: Start-up and memory): a heap of half
# the container's memory limit (384 MB of a 768 MiB limit: the JVM's own memory besides the heap is about 300 MB), the
# Serial GC (the least memory and the fastest start here; the JVM picks it by itself only under 1792 MB, so it is named),
# and an exit on OutOfMemoryError so that the orchestrator restarts the instance rather than keeping a broken one.
# JAVA_OPTS replaces them; JAVA_OPTS_APPEND adds to them. `exec`: java is PID 1 and gets the SIGTERM itself.
ENV JAVA_OPTS="-XX:MaxRAMPercentage=50 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError"
ENV JAVA_OPTS_APPEND="-Dquarkus.http.host=0.0.0.0"
ENTRYPOINT ["sh", "-c", "exec java $JAVA_OPTS $JAVA_OPTS_APPEND -jar /deployments/quarkus-run.jar"]
