package org.sigmascope;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Sigmascope sends nothing anywhere: evidence stays on the analyst's machine. The only code that may open a
 * network connection is the rule update ({@code rulelibrary.update.ArchiveDownload}), which runs when the analyst
 * asks for it. This test fails when any other class uses the JDK's networking API.
 */
class NetworkAccessTest {
    private static final Path SOURCES = Path.of("src/main/java/org/sigmascope");
    private static final Path ALLOWED = SOURCES.resolve("rulelibrary/update/ArchiveDownload.java");
    private static final Pattern NETWORK = Pattern.compile(
            "java\\.net\\.(http|Socket|ServerSocket|DatagramSocket|URLConnection|HttpURLConnection|MulticastSocket)"
                    + "|java\\.nio\\.channels\\.(Socket|ServerSocket|Datagram|AsynchronousSocket)"
                    + "|\\.openConnection\\(|\\.openStream\\(|javax\\.net\\.|com\\.sun\\.net\\.httpserver");

    @Test
    void onlyTheRuleUpdateUsesTheNetwork() throws IOException {
        List<Path> offenders;
        try (Stream<Path> files = Files.walk(SOURCES)) {
            offenders = files.filter(p -> p.toString().endsWith(".java")).filter(p -> !p.equals(ALLOWED))
                    .filter(NetworkAccessTest::usesNetwork).toList();
        }
        assertEquals(List.of(), offenders, "classes other than the rule update use the network");
    }

    @Test
    void theCheckSeesTheRuleUpdate() {
        // Guards the test above against passing vacuously (a wrong folder, a broken pattern).
        assertTrue(usesNetwork(ALLOWED));
    }

    private static boolean usesNetwork(Path file) {
        try {
            return NETWORK.matcher(Files.readString(file)).find();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
