package org.sigmascope.hardening;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;

/** Evidence made by {@code sigmascope generate}, with the record count of each file from its manifest. */
record Generated(Path root, Map<Path, Long> records) {

    /** Generates into {@code dir} (new or empty); fails the test when the generator does. */
    static Generated make(Path dir, String format, int hosts, int events, long seed) throws IOException {
        Cli run = Cli.run("generate", "--hosts", String.valueOf(hosts), "--events", String.valueOf(events), "--seed",
                String.valueOf(seed), "--format", format, "-t", "1", "-o", dir.toString());
        if (run.exitCode() != 0) {
            throw new AssertionError("generate failed: " + run.err());
        }
        JsonNode manifest = JsonCodec.MAPPER.readTree(dir.resolve("generation.sigmascope.json").toFile());
        Map<Path, Long> records = new LinkedHashMap<>();
        for (JsonNode host : manifest.get("host_list")) {
            for (JsonNode file : host.get("files")) {
                records.put(dir.resolve(file.get("path").asText()), file.get("records").asLong());
            }
        }
        if (records.isEmpty() || !records.keySet().stream().allMatch(Files::isRegularFile)) {
            throw new AssertionError("the manifest names files that are not there: " + records.keySet());
        }
        return new Generated(dir.resolve("evidence"), records);
    }

    long events() {
        return records.values().stream().mapToLong(Long::longValue).sum();
    }
}
