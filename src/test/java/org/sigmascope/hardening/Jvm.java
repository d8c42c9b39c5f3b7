package org.sigmascope.hardening;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a class of this project in a JVM of its own, as a user or a crash would see it: killable, heap-bounded. */
final class Jvm {
    private Jvm() {
    }

    /** Starts {@code main} with the given heap ({@code 256m}); stdout and stderr go to {@code log}. */
    static Process start(String heap, Path log, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap,
                "-Djava.awt.headless=true",
                "-Dsigmascope.home=" + System.getProperty("sigmascope.home", "target/test-home"),
                "-cp", System.getProperty("java.class.path"), main));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** The command line in a child JVM: {@code sigmascope ARGS}. */
    static Process sigmascope(Path log, String... args) throws IOException {
        return start("256m", log, "org.sigmascope.Main", args);
    }
}
