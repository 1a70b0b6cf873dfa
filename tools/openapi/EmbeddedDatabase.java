import org.newsroom.content.shared.dev.DevServices;

/**
 * For tools/openapi-check.sh: starts the embedded PostgreSQL that dev mode and the tests use (shared/dev), prints
 * its JDBC URL, and keeps it running until this JVM is stopped (a shutdown hook stops the server).
 */
public class EmbeddedDatabase {

    public static void main(String[] args) throws InterruptedException {
        System.out.println(DevServices.postgresJdbcUrl());
        System.out.flush();
        Thread.currentThread().join();
    }
}
