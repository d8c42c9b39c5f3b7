package org.sigmascope.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The SHA-256 of each evidence file of an import, computed in order on a thread of its own, so that hashing the next
 * file overlaps reading this one instead of adding to the import's time (hashing a gigabyte of evidence takes a
 * few seconds of one core). The import still waits for a file's hash before it reads the file: a file whose bytes
 * are already in the case is left out.
 */
final class EvidenceHashes implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "sigmascope-hash");
        t.setDaemon(true);
        return t;
    });
    private final List<Future<String>> hashes = new ArrayList<>();

    /** Starts hashing the files, in this order. */
    EvidenceHashes(List<Path> files) {
        for (Path file : files) {
            hashes.add(thread.submit(() -> {
                try {
                    return CaseScan.sha256(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }

    /** The hash of the {@code index}-th file, once computed. */
    String get(int index) throws IOException {
        try {
            return hashes.get(index).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted while hashing evidence");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    /** Stops hashing files that are not needed any more (a cancel, a failure). */
    @Override
    public void close() {
        thread.shutdownNow();
    }
}
