package org.sigmascope.ingest.evtx;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;


import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.EventFactory;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Source;

/**
 * Our flattening against the Rust evtx crate 0.8.5's JSON export of every corpus file, flattened by
 * our JSON reader (the names a crate export gets in Sigmascope): same field names, same values after
 * normalizing time and GUID formats. Every disagreement must be explained in {@code crate-disagreements.tsv};
 * an explanation that no longer matches anything fails the test too, so the list stays true.
 */
class CrateJsonAgreementTest {
    @Test
    void fieldsAgreeWithTheEvtxCrateOnEveryCorpusRecord() throws IOException {
        List<Explanation> explanations = Explanation.load("crate-disagreements.tsv");
        Map<String, int[]> perFolder = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (EvtxCorpus.Entry entry : EvtxCorpus.entries()) {
            List<Event> ours = EvtxCorpus.read(entry.file(), ReadOptions.defaults().withThreads(1)).events();
            Map<Long, ArrayDeque<Event>> byId = new HashMap<>();
            for (Event event : ours) {
                byId.computeIfAbsent(EventFactory.longOr(event.fields().get("EventRecordID"), -1),
                        id -> new ArrayDeque<>()).add(event);
            }
            int[] figures = perFolder.computeIfAbsent(entry.folder(), f -> new int[6]);
            for (Fields theirs : crateRecords(entry.crateJson())) {
                long id = EventFactory.longOr(theirs.get("EventRecordID"), -1);
                ArrayDeque<Event> candidates = byId.get(id);
                figures[0]++;
                if (candidates == null || candidates.isEmpty()) {
                    figures[2]++;
                    record(entry, id, "(record)", "missing", "", "crate read it", explanations, unexplained);
                    continue;
                }
                Fields mine = candidates.poll().fields();
                int before = unexplained.size();
                boolean same = compare(entry, id, mine, theirs, explanations, unexplained, figures);
                figures[1] += same ? 1 : 0;
                figures[5] += unexplained.size() > before ? 1 : 0;
            }
            for (ArrayDeque<Event> rest : byId.values()) {
                figures[3] += rest.size();
            }
        }
        StringBuilder report = new StringBuilder(
                "folder\tcrate records\tidentical\tmissing here\tonly here\tfields compared\tunexplained records\n");
        perFolder.forEach((folder, f) -> report.append(folder).append('\t').append(f[0]).append('\t').append(f[1])
                .append('\t').append(f[2]).append('\t').append(f[3]).append('\t').append(f[4]).append('\t')
                .append(f[5]).append('\n'));
        report.append("\nexplained disagreements (rule: uses)\n");
        for (Explanation e : explanations) {
            report.append(e.uses).append('\t').append(e).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evtx-crate-agreement.tsv"), report);
        System.out.println(report);
        Files.write(Path.of("target/evtx-crate-unexplained.tsv"), unexplained);
        Explanation.assertAllExplained(unexplained, explanations, "the evtx crate");
    }

    private static boolean compare(EvtxCorpus.Entry entry, long id, Fields mine, Fields theirs,
                                   List<Explanation> explanations, List<String> unexplained, int[] figures) {
        boolean same = true;
        for (String name : theirs.names()) {
            figures[4]++;
            Object theirValue = FieldNormalizer.normalize(theirs.get(name));
            if (!mine.contains(name)) {
                same = false;
                record(entry, id, name, "absent", "", Objects.toString(theirValue), explanations, unexplained);
                continue;
            }
            Object myValue = FieldNormalizer.normalize(mine.get(name));
            if (!Objects.equals(myValue, theirValue)) {
                same = false;
                String kind = Objects.equals(Fields.textOf(myValue), Fields.textOf(theirValue)) ? "type" : "value";
                record(entry, id, name, kind, Objects.toString(myValue), Objects.toString(theirValue), explanations,
                        unexplained);
            }
        }
        for (String name : mine.names()) {
            if (!theirs.contains(name)) {
                same = false;
                record(entry, id, name, "extra", Objects.toString(mine.get(name)), "", explanations, unexplained);
            }
        }
        return same;
    }

    private static void record(EvtxCorpus.Entry entry, long id, String field, String kind, String mine, String theirs,
                               List<Explanation> explanations, List<String> unexplained) {
        for (Explanation e : explanations) {
            if (e.matches(entry.path(), field, kind)) {
                e.uses++;
                return;
            }
        }
        unexplained.add(entry.path() + "\trecord " + id + "\t" + field + "\t" + kind + "\tours=" + clip(mine)
                + "\tcrate=" + clip(theirs));
    }

    private static String clip(String text) {
        String escaped = text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n")
                .replace("\t", "\\t");
        return escaped;
    }

    /**
     * The crate's records, flattened by our JSON reader (which reads the {@code .jsonl.gz} through the archive
     * reader); a truncated export (the crate crashed) gives what it wrote.
     */
    static List<Fields> crateRecords(Path jsonlGz) throws IOException {
        List<Fields> records = new ArrayList<>();
        EvidenceReader reader = FormatDetector.readerFor(jsonlGz).orElseThrow();
        reader.read(ReadRequest.of(new Source(1, jsonlGz, jsonlGz.toString(), reader.format()),
                ReadOptions.defaults()), event -> records.add(event.fields()));
        return records;
    }
}
