package forkbench.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.List;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * What makes a start-up archive safe to map: a JVM maps one without checking it, and a damaged one crashes it. The
 * cache folder and each archive must be the current user's and writable by nobody else (as OpenSSH checks its
 * keys), and each archive must match the checksum written beside it when it was made.
 */
final class ArchiveTrust {

    private ArchiveTrust() {
    }

    private static final Set<PosixFilePermission> SHARED_WRITE = Set.of(PosixFilePermission.GROUP_WRITE,
            PosixFilePermission.OTHERS_WRITE);

    /** Why the archive cannot be used as it is, or {@code null} when it is whole, ours, and private. */
    static String damage(Path archive) throws IOException {
        if (!Files.isRegularFile(archive, LinkOption.NOFOLLOW_LINKS)) {
            return "is not a regular file";
        }
        String ownership = untrusted(archive);
        if (ownership != null) {
            throw new UntrustedCacheException(archive + " " + ownership);
        }
        Path sum = checksumFile(archive);
        if (!Files.isRegularFile(sum, LinkOption.NOFOLLOW_LINKS)) {
            return "has no checksum beside it";
        }
        String expected = Files.readString(sum).strip();
        return expected.equals(checksum(archive)) ? null : "does not match its checksum (damaged or truncated)";
    }

    /** Size and CRC-32C: enough to catch damage; the ownership checks keep out archives planted on purpose. */
    static String checksum(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        byte[] buffer = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                crc.update(buffer, 0, n);
                size += n;
            }
        }
        return size + " " + Long.toHexString(crc.getValue());
    }

    static Path checksumFile(Path archive) {
        return archive.resolveSibling(archive.getFileName() + ".crc");
    }

    /**
     * {@code base/forkbench/cds}, created private to the current user; refused when it, or the folder above it,
     * belongs to someone else or can be written by others: they could plant an archive for our children to map.
     */
    static Path trustedDirectory(Path base) throws IOException {
        Path forkbench = base.resolve("forkbench");
        Path directory = forkbench.resolve("cds");
        Files.createDirectories(directory);
        for (Path folder : List.of(forkbench, directory)) {
            if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
                throw new UntrustedCacheException(folder + " is not a folder (a symbolic link?)");
            }
            String problem = untrusted(folder);
            if (problem != null) {
                throw new UntrustedCacheException(folder + " " + problem);
            }
        }
        return directory;
    }

    /** Why {@code path} cannot be trusted, or {@code null}: it must be ours and writable by nobody else. */
    private static String untrusted(Path path) throws IOException {
        UserPrincipal owner = Files.getOwner(path, LinkOption.NOFOLLOW_LINKS);
        UserPrincipal me = path.getFileSystem().getUserPrincipalLookupService()
                .lookupPrincipalByName(System.getProperty("user.name"));
        if (!owner.equals(me)) {
            return "belongs to " + owner.getName() + ", not to " + me.getName();
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
            if (permissions.stream().anyMatch(SHARED_WRITE::contains)) {
                if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    // Ours, so we may close it; whatever is inside is checked on its own.
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwx------"));
                } else {
                    return "is writable by others (" + PosixFilePermissions.toString(permissions) + ")";
                }
            }
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: ownership is what can be checked there.
        }
        return null;
    }

    /** The cache is someone else's, or open to others: not an error, a reason to do without it. */
    static final class UntrustedCacheException extends IOException {
        private static final long serialVersionUID = 1L;

        UntrustedCacheException(String message) {
            super(message);
        }
    }
}
