package org.sigmascope.store.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;

/**
 * Real events to replay: Security, System, Application, PowerShell and Sysmon logs from the shared corpus (the Rust
 * evtx crate's JSON of real EVTX files) and the SigmaHQ regression samples, read with Sigmascope's own reader.
 */
final class CorpusPool {
    private static final List<String> LOGS = List.of(
            "sans-blue-team+DeepBlueCLI/evtx/smb-password-guessing-security",
            "sans-blue-team+DeepBlueCLI/evtx/Powershell-Invoke-Obfuscation-many",
            "sans-blue-team+DeepBlueCLI/evtx/many-events-application",
            "sans-blue-team+DeepBlueCLI/evtx/sliver-sysmon",
            "sans-blue-team+DeepBlueCLI/evtx/metasploit-sysmon",
            "omerbenamram+evtx/samples/sysmon",
            "omerbenamram+evtx/samples/system");

    private CorpusPool() {
    }

    static List<Event> load(Path corpus, Path scratch) throws IOException {
        List<Event> pool = new ArrayList<>();
        for (String log : LOGS) {
            Path gz = corpus.resolve("evtx-ref/evtx/" + log + ".evtx.evtx-crate-0.8.5.jsonl.gz");
            Path plain = scratch.resolve(gz.getFileName().toString().replace(".gz", ""));
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                Files.copy(in, plain, StandardCopyOption.REPLACE_EXISTING);
            }
            read(plain, pool);
            Files.delete(plain);
        }
        try (Stream<Path> files = Files.walk(corpus.resolve("sigma/regression"))) {
            for (Path json : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                read(json, pool);
            }
        }
        return pool;
    }

    private static void read(Path file, List<Event> pool) throws IOException {
        Source source = new Source(1, file, file.getFileName().toString(), "json");
        new JsonEvidenceReader().read(ReadRequest.of(source, ReadOptions.defaults().withThreads(1)), pool::add);
    }
}
