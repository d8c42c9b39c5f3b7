package org.sigmascope.hardening;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A small file system of its own (a tmpfs, mounted for the test), to fill up. Mounting needs root, as CI and the
 * development machines here have; elsewhere the test says so and fails rather than pretend.
 */
final class SmallDisk implements AutoCloseable {
    private final Path mountPoint;

    private SmallDisk(Path mountPoint) {
        this.mountPoint = mountPoint;
    }

    static SmallDisk mount(Path mountPoint, String size) throws IOException, InterruptedException {
        Files.createDirectories(mountPoint);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", mountPoint.toString());
        return new SmallDisk(mountPoint);
    }

    Path path() {
        return mountPoint;
    }

    /** Grows the file system, keeping what is on it (the disk was cleaned up). */
    void resize(String size) throws IOException, InterruptedException {
        run("mount", "-o", "remount,size=" + size, mountPoint.toString());
    }

    @Override
    public void close() throws IOException {
        try {
            run("umount", "-l", mountPoint.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException(String.join(" ", List.of(command)) + " failed (this test needs root, to mount a "
                    + "small tmpfs to fill): " + output.strip());
        }
    }
}
