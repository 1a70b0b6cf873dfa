package org.newsroom.content.shared.dev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.security.auth.module.UnixSystem;

/**
 * The embedded PostgreSQL's binaries live in a folder with a predictable name in the temp directory: it must be this
 * user's and private before it is used, so that no other local user can plant binaries there.
 */
class EmbeddedPostgresFolderTest {

    @TempDir
    Path temp;

    @Test
    void unpacksIntoAPrivateFolderOfThisUserAndReusesIt() throws IOException {
        Path binaries = EmbeddedPostgres.unpackBinaries(temp);
        assertTrue(EmbeddedPostgres.isPrivate(binaries));
        int mode = ((Number) Files.getAttribute(binaries, "unix:mode", LinkOption.NOFOLLOW_LINKS)).intValue() & 0777;
        assertEquals(isRoot() ? 0750 : 0700, mode, Integer.toOctalString(mode));
        assertTrue(Files.isExecutable(binaries.resolve("bin").resolve("initdb")));
        FileTime unpacked = Files.getLastModifiedTime(binaries.resolve(".complete"));
        assertEquals(binaries, EmbeddedPostgres.unpackBinaries(temp));
        assertEquals(unpacked, Files.getLastModifiedTime(binaries.resolve(".complete")), "reused, not unpacked again");
    }

    @Test
    void unpacksAgainOverItsOwnFolderThatOthersCouldWriteTo() throws IOException {
        Path planted = temp.resolve(EmbeddedPostgres.unpackBinaries(temp).getFileName());
        deleteAll(planted);
        Files.createDirectories(planted.resolve("bin"));
        Files.writeString(planted.resolve("bin").resolve("initdb"), "#!/bin/sh\necho planted\n");
        Files.createFile(planted.resolve(".complete"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxrwxrwx"));

        Path binaries = EmbeddedPostgres.unpackBinaries(temp);
        assertEquals(planted, binaries);
        assertTrue(EmbeddedPostgres.isPrivate(binaries));
        assertFalse(Files
                .readString(binaries.resolve("bin").resolve("initdb"), java.nio.charset.StandardCharsets.ISO_8859_1)
                .contains("planted"));
    }

    @Test
    void refusesAFolderOfAnotherUser() throws IOException {
        Assumptions.assumeTrue(isRoot(), "only root can make a folder that belongs to someone else");
        Path planted = temp.resolve(EmbeddedPostgres.unpackBinaries(temp).getFileName());
        deleteAll(planted);
        Files.createDirectories(planted);
        Files.createFile(planted.resolve(".complete"));
        Files.setPosixFilePermissions(planted, PosixFilePermissions.fromString("rwxr-x---"));
        Files.setOwner(planted,
                planted.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody"));

        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> EmbeddedPostgres.unpackBinaries(temp));
        assertTrue(refused.getMessage().contains("is not this user's"), refused.getMessage());
        assertTrue(Files.exists(planted.resolve(".complete")), "left alone");
    }

    private static boolean isRoot() {
        return new UnixSystem().getUid() == 0;
    }

    private static void deleteAll(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
