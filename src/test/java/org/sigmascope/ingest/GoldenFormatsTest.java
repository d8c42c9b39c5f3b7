package org.sigmascope.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import org.sigmascope.Corpus;
import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Timestamps;

/**
 * Golden tests over every file of the corpus's {@code formats/} folder (SOURCE.tsv): the reader detected, the
 * number of events, unreadable records and warnings, the warnings' text, and all fields of chosen events, against
 * expected files reviewed as data under {@code src/test/resources/formats/golden/}. The chosen events are listed
 * in {@code cases.tsv} with the file. Run with {@code -Dsigmascope.golden.update=true} to write the expected files
 * anew after a deliberate change, then review the difference.
 */
class GoldenFormatsTest {
    private static final Path GOLDEN = Path.of("src/test/resources/formats/golden");
    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private record Case(String path, List<Integer> chosen) {
    }

    private static List<Case> cases() throws IOException {
        List<Case> cases = new ArrayList<>();
        try (InputStream in = Files.newInputStream(GOLDEN.resolve("cases.tsv"));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split("\t");
                List<Integer> chosen = new ArrayList<>();
                for (String index : parts[1].split(",")) {
                    chosen.add(Integer.parseInt(index.trim()));
                }
                cases.add(new Case(parts[0], chosen));
            }
        }
        return cases;
    }

    @Test
    void everyCorpusFormatFileHasACase() throws IOException {
        Path formats = Corpus.path("formats");
        List<String> files;
        try (Stream<Path> walk = Files.walk(formats)) {
            files = walk.filter(Files::isRegularFile).map(p -> formats.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("SOURCE.tsv")).sorted().toList();
        }
        List<String> covered = cases().stream().map(Case::path).sorted().toList();
        assertEquals(files, covered, "cases.tsv must list every file of the corpus's formats/ folder");
    }

    @TestFactory
    Stream<DynamicTest> goldenFiles() throws IOException {
        return cases().stream().map(c -> DynamicTest.dynamicTest(c.path(), () -> check(c)));
    }

    private static void check(Case c) throws IOException {
        Path file = Corpus.path("formats/" + c.path());
        EvidenceFiles.Read read = EvidenceFiles.read(file, c.path(), ReadOptions.defaults());
        ObjectNode actual = PRETTY.createObjectNode();
        actual.put("file", c.path());
        actual.put("reader", read.format());
        actual.put("events", read.events().size());
        actual.put("failed", read.stats().failed());
        actual.put("warnings", read.stats().warnings());
        ArrayNode diagnostics = actual.putArray("diagnostics");
        for (Diagnostic diagnostic : read.stats().diagnostics()) {
            diagnostics.add(diagnostic.toString());
        }
        ObjectNode chosen = actual.putObject("chosen");
        for (int index : c.chosen()) {
            int i = index < 0 ? read.events().size() + index : index;
            assertTrue(i >= 0 && i < read.events().size(), c.path() + ": no event " + index);
            chosen.set(Integer.toString(i), describe(read.events().get(i)));
        }
        Path expectedFile = GOLDEN.resolve(c.path() + ".expected.json");
        String actualText = PRETTY.writeValueAsString(actual) + "\n";
        if (Boolean.getBoolean("sigmascope.golden.update")) {
            Files.createDirectories(expectedFile.getParent());
            Files.writeString(expectedFile, actualText);
        }
        assertTrue(Files.exists(expectedFile), "no expected output " + expectedFile
                + " (write it with -Dsigmascope.golden.update=true, then review it)");
        JsonNode expected = PRETTY.readTree(expectedFile.toFile());
        assertEquals(PRETTY.writeValueAsString(expected), PRETTY.writeValueAsString(PRETTY.readTree(actualText)),
                c.path() + " differs from " + expectedFile);
    }

    private static ObjectNode describe(Event event) {
        ObjectNode node = PRETTY.createObjectNode();
        node.put("timestamp", Timestamps.format(event.timestamp()));
        node.put("record_id", event.recordId());
        node.put("computer", event.computer());
        node.put("channel", event.channel());
        node.put("provider", event.provider());
        node.put("event_id", event.eventId());
        node.put("level", event.level());
        node.put("location", event.location());
        node.set("fields", JsonCodec.fields(event.fields()));
        return node;
    }
}
