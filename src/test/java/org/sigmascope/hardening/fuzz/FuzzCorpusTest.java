package org.sigmascope.hardening.fuzz;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Replays the fixed fuzz corpus — the inputs the Jazzer campaigns found interesting, and every finding once fixed —
 * through each fuzz target, as {@code mvn verify} runs it: no input may throw anything but a reported error, or take
 * longer than the campaign's per-input bound. The heap bound is surefire's. A long campaign:
 * {@code mvn -Pfuzz test-compile exec:exec@fuzz -Dfuzz.target=NAME} (docs/reliability.md).
 */
class FuzzCorpusTest {
    private static final Duration BOUND = Duration.ofSeconds(FuzzCampaign.TIMEOUT_SECONDS * 3L);

    @TestFactory
    Stream<DynamicTest> everyInputOfTheFixedCorpus() throws Exception {
        Stream<DynamicTest> all = Stream.empty();
        for (String name : FuzzTargets.NAMES) {
            Class<?> targetClass = FuzzTargets.byName(name);
            Method target = targetClass.getMethod("fuzzerTestOneInput", byte[].class);
            List<Path> inputs = inputs(FuzzTargets.fixedCorpus(name));
            assertFalse(inputs.isEmpty(), "no fixed corpus for " + name + " under " + FuzzTargets.fixedCorpus(name));
            DynamicTest initialize = DynamicTest.dynamicTest(name + " initialization", () -> initialize(targetClass));
            all = Stream.concat(all, Stream.concat(Stream.of(initialize), inputs.stream().map(input -> DynamicTest
                    .dynamicTest(name + " " + input.getFileName(), () -> replay(target, input)))));
        }
        return all;
    }

    /**
     * Jazzer's {@code fuzzerInitialize}, as a campaign calls it before the first input: a target's one-time set-up
     * (a case to query) is not an input's time.
     */
    private static void initialize(Class<?> target) throws Throwable {
        Method initialize;
        try {
            initialize = target.getMethod("fuzzerInitialize");
        } catch (NoSuchMethodException none) {
            return;
        }
        try {
            initialize.invoke(null);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static void replay(Method target, Path input) throws Throwable {
        byte[] data = Files.readAllBytes(input);
        assertTimeoutPreemptively(BOUND, () -> {
            try {
                target.invoke(null, (Object) data);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }, input + " took longer than the fuzzing bound");
    }

    private static List<Path> inputs(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
