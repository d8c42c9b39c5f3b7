package org.sigmascope.ingest.archive;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A private temporary folder for the expanded members of one archive, deleted when reading ends. Members are
 * written to files named by a counter, never by their names in the archive, so a member called
 * {@code ../../etc/passwd} can do no harm.
 */
final class Spool implements AutoCloseable {
    private final Path folder;
    private int next;
    private long written;
    private final long limit;

    Spool(long limit) throws IOException {
        this.limit = limit;
        Path created;
        try {
            created = Files.createTempDirectory("sigmascope-archive-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        } catch (UnsupportedOperationException e) {
            created = Files.createTempDirectory("sigmascope-archive-");
        }
        this.folder = created;
    }

    /** How one member's expansion ended. */
    enum Outcome { COMPLETE, TRUNCATED, LIMIT }

    /** A member written to the spool, and how its expansion ended. */
    record Member(Path file, long bytes, Outcome outcome, String problem) {
    }

    /** Copies a member's bytes into a new file of the spool, stopping at the archive's expansion limit. */
    Member write(InputStream in) throws IOException {
        Path file = folder.resolve("member-" + (next++) + ".bin");
        long bytes = 0;
        Outcome outcome = Outcome.COMPLETE;
        String problem = null;
        byte[] buffer = new byte[1 << 16];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                int read;
                try {
                    read = in.read(buffer);
                } catch (EOFException e) {
                    outcome = Outcome.TRUNCATED;
                    problem = "the compressed data ends before its end (truncated file)";
                    break;
                } catch (java.util.zip.ZipException e) {
                    outcome = Outcome.TRUNCATED;
                    problem = "the compressed data is damaged (" + e.getMessage() + ")";
                    break;
                }
                if (read < 0) {
                    break;
                }
                if (written + read > limit) {
                    int allowed = (int) Math.max(0, limit - written);
                    out.write(buffer, 0, allowed);
                    bytes += allowed;
                    written += allowed;
                    outcome = Outcome.LIMIT;
                    problem = "expands beyond the " + (limit >> 20) + " MiB allowed for this archive (100 times its "
                            + "size, at least 1 GiB): possibly a decompression bomb; only the first bytes are read";
                    break;
                }
                out.write(buffer, 0, read);
                bytes += read;
                written += read;
            }
        }
        return new Member(file, bytes, outcome, problem);
    }

    /** Whether the archive's expansion limit is used up. */
    boolean exhausted() {
        return written >= limit;
    }

    void delete(Path member) {
        try {
            Files.deleteIfExists(member);
        } catch (IOException e) {
            // Removed with the folder on close.
        }
    }

    @Override
    public void close() throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
