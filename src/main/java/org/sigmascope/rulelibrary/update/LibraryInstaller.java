package org.sigmascope.rulelibrary.update;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.stream.Stream;

import org.sigmascope.rulelibrary.RuleLibrary;

/**
 * Puts a verified library in place of the old one, so that a scan sees either the old library or the new, whole.
 * The new one is built in a staging folder beside the libraries (same file system), then two renames swap it in:
 * the old folder to {@code .previous-NAME}, the staging folder to {@code NAME}. Should the process die between the
 * two, {@link RuleLibrary} still finds the previous library under its interim name. One update at a time: a lock
 * file guards the swap.
 */
final class LibraryInstaller implements AutoCloseable {
    private static final String STAGING_PREFIX = ".staging-";
    private final Path root;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private LibraryInstaller(Path root, FileChannel lockChannel, FileLock lock) {
        this.root = root;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the library's update lock, and clears what an interrupted update left behind. */
    static LibraryInstaller open(Path root) throws UpdateException {
        FileChannel channel = null;
        try {
            Files.createDirectories(root);
            channel = FileChannel.open(root.resolve(".update.lock"), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw new UpdateException("another update of the rule library is running (" + root + ")");
            }
            LibraryInstaller installer = new LibraryInstaller(root, channel, lock);
            installer.clearLeftovers();
            return installer;
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw new UpdateException("another update of the rule library is running (" + root + ")");
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UpdateException("cannot prepare the rule library at " + root + ": " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // already failing; the first error is the one to report
        }
    }

    private void clearLeftovers() throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                String name = entry.getFileName().toString();
                if (name.startsWith(STAGING_PREFIX)) {
                    deleteTree(entry);
                } else if (name.startsWith(RuleLibrary.PREVIOUS_PREFIX)) {
                    Path library = root.resolve(name.substring(RuleLibrary.PREVIOUS_PREFIX.length()));
                    if (Files.exists(library)) {
                        deleteTree(entry);
                    } else {
                        Files.move(entry, library, StandardCopyOption.ATOMIC_MOVE);
                    }
                }
            }
        }
    }

    /** A new, empty staging folder. */
    Path staging(String name) throws IOException {
        return Files.createDirectory(root.resolve(STAGING_PREFIX + name + "-" + Long.toHexString(System.nanoTime())));
    }

    /** Swaps the staged folder in as the library {@code name}. */
    void install(Path staged, String name) throws UpdateException {
        Path library = root.resolve(name);
        Path previous = root.resolve(RuleLibrary.PREVIOUS_PREFIX + name);
        try {
            if (Files.exists(library)) {
                Files.move(library, previous, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staged, library, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                if (Files.exists(previous)) {
                    Files.move(previous, library, StandardCopyOption.ATOMIC_MOVE);
                }
                throw e;
            }
        } catch (AtomicMoveNotSupportedException e) {
            throw new UpdateException("cannot swap the rule library in one step at " + root + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UpdateException("cannot put the new rules in place at " + library + " (is a scan reading them?): "
                    + e.getMessage() + "; the library was not changed", e);
        }
        try {
            deleteTree(previous);
        } catch (IOException e) {
            // The new library is in place; the old copy is removed at the next update.
        }
    }

    /** Removes a folder and all in it, without following links. */
    static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                if (e != null) {
                    throw e;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        }
        closeQuietly(lockChannel);
    }
}
