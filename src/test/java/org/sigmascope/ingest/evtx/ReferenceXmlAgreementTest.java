package org.sigmascope.ingest.evtx;


import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.model.Event;

/**
 * Our XML rendering against the corpus' reference XML exports (libevtx {@code evtxexport} or python-evtx) for
 * every record both read: the same elements, attributes and values after normalizing the parsers' formats
 * (times, GUID case, hex padding, empty attributes). Every disagreement must be explained in
 * {@code xml-disagreements.tsv}; an explanation that matches nothing fails the test.
 */
class ReferenceXmlAgreementTest {

    @Test
    void xmlAgreesWithTheReferenceExports() throws IOException {
        List<Explanation> explanations = Explanation.load("xml-disagreements.tsv");
        Map<String, int[]> perFolder = new TreeMap<>();
        List<String> unexplained = new ArrayList<>();
        for (EvtxCorpus.Entry entry : EvtxCorpus.entries()) {
            if (entry.referenceXml().isEmpty()) {
                continue;
            }
            List<XmlLeaves.Record> theirs = XmlLeaves.parse(gunzip(Corpus.path(entry.referenceXml())));
            Map<Long, ArrayDeque<XmlLeaves.Record>> ours = new HashMap<>();
            try (EvtxRecordXml xml = new EvtxRecordXml(entry.file())) {
                for (Event event : EvtxCorpus.read(entry.file(), ReadOptions.defaults().withThreads(1)).events()) {
                    for (XmlLeaves.Record record : XmlLeaves.parse(xml.record(event.location()))) {
                        ours.computeIfAbsent(record.recordId(), id -> new ArrayDeque<>()).add(record);
                    }
                }
            }
            int[] figures = perFolder.computeIfAbsent(entry.folder(), f -> new int[4]);
            for (XmlLeaves.Record reference : theirs) {
                figures[0]++;
                ArrayDeque<XmlLeaves.Record> candidates = ours.get(reference.recordId());
                if (candidates == null || candidates.isEmpty()) {
                    figures[2]++;
                    note(entry, reference.recordId(), "(record)", "missing", explanations, unexplained);
                    continue;
                }
                List<String> mine = new ArrayList<>(candidates.poll().leaves());
                List<String> missing = new ArrayList<>();
                for (String leaf : reference.leaves()) {
                    if (!mine.remove(leaf)) {
                        missing.add(leaf);
                    }
                }
                figures[3] += reference.leaves().size();
                if (missing.isEmpty() && mine.isEmpty()) {
                    figures[1]++;
                }
                for (String leaf : missing) {
                    note(entry, reference.recordId(), leaf, "absent", explanations, unexplained);
                }
                for (String leaf : mine) {
                    note(entry, reference.recordId(), leaf, "extra", explanations, unexplained);
                }
            }
        }
        StringBuilder report = new StringBuilder("folder\treference records\tidentical\tmissing here\tleaves compared\n");
        perFolder.forEach((folder, f) -> report.append(folder).append('\t').append(f[0]).append('\t').append(f[1])
                .append('\t').append(f[2]).append('\t').append(f[3]).append('\n'));
        report.append("\nexplained disagreements (uses, rule)\n");
        for (Explanation e : explanations) {
            report.append(e.uses).append('\t').append(e).append('\n');
        }
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/evtx-xml-agreement.tsv"), report);
        Files.write(Path.of("target/evtx-xml-unexplained.tsv"), unexplained);
        System.out.println(report);
        Explanation.assertAllExplained(unexplained, explanations, "the reference XML");
    }

    private static void note(EvtxCorpus.Entry entry, long id, String leaf, String kind, List<Explanation> explanations,
                             List<String> unexplained) {
        for (Explanation e : explanations) {
            if (e.matches(entry.path(), leaf, kind)) {
                e.uses++;
                return;
            }
        }
        unexplained.add(entry.path() + "\trecord " + id + "\t" + kind + "\t"
                + leaf.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t"));
    }

    private static String gunzip(Path file) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.EOFException e) {
            // a truncated export: read what is there
            try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
                java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                byte[] buffer = new byte[8192];
                try {
                    for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                        out.write(buffer, 0, n);
                    }
                } catch (java.io.EOFException end) {
                    // keep what was read
                }
                return out.toString(StandardCharsets.UTF_8);
            }
        }
    }
}
