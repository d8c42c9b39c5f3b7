package org.sigmascope.logging;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.logging.ErrorManager;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * Appends log records to one file and, past a size, moves it aside: {@code sigmascope.log} is always the newest,
 * then {@code sigmascope.1.log}, {@code sigmascope.2.log}, … up to a count, the oldest dropped. The JDK's
 * {@code FileHandler} instead names the current file by a generation number and leaves lock files behind.
 *
 * <p>Several Sigmascope processes may append to the same file at once (the app and a command line); each record is
 * written with one call, and a rotation that fails (Windows refuses to move a file another process has open) is
 * skipped and tried again later.
 */
public final class RotatingFileHandler extends Handler {
    private final Path file;
    private final long limitBytes;
    private final int keep;
    private OutputStream out;
    private long written;

    /**
     * @param file       the current log file
     * @param limitBytes the size past which the file is moved aside
     * @param keep       how many older files to keep beside the current one
     */
    public RotatingFileHandler(Path file, long limitBytes, int keep) throws IOException {
        this.file = file;
        this.limitBytes = limitBytes;
        this.keep = keep;
        setFormatter(new LogFormat());
        open();
    }

    private void open() throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        out = Files.newOutputStream(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        written = Files.size(file);
    }

    /** The n-th older file: {@code sigmascope.log} → {@code sigmascope.n.log}. */
    Path older(int n) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String older = dot > 0 ? name.substring(0, dot) + "." + n + name.substring(dot) : name + "." + n;
        return file.resolveSibling(older);
    }

    @Override
    public synchronized void publish(LogRecord record) {
        if (out == null || !isLoggable(record)) {
            return;
        }
        byte[] bytes;
        try {
            bytes = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
        } catch (RuntimeException e) {
            reportError("cannot format a log record", e, ErrorManager.FORMAT_FAILURE);
            return;
        }
        try {
            if (written > 0 && written + bytes.length > limitBytes) {
                rotate();
            }
            out.write(bytes);
            out.flush();
            written += bytes.length;
        } catch (IOException e) {
            reportError("cannot write the log file " + file, e, ErrorManager.WRITE_FAILURE);
        }
    }

    private void rotate() throws IOException {
        out.close();
        boolean moved = false;
        try {
            Files.deleteIfExists(older(keep));
            for (int n = keep - 1; n >= 1; n--) {
                if (Files.exists(older(n))) {
                    Files.move(older(n), older(n + 1), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            Files.move(file, older(1), StandardCopyOption.REPLACE_EXISTING);
            moved = true;
        } catch (IOException e) {
            // Another process holds the file (Windows): keep appending, and try again one limit's worth later.
        }
        open();
        if (!moved) {
            written = 0;
        }
    }

    @Override
    public synchronized void flush() {
        try {
            if (out != null) {
                out.flush();
            }
        } catch (IOException e) {
            reportError(null, e, ErrorManager.FLUSH_FAILURE);
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (out != null) {
                out.close();
            }
        } catch (IOException e) {
            reportError(null, e, ErrorManager.CLOSE_FAILURE);
        }
        out = null;
    }
}
