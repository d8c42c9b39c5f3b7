package org.sigmascope.ingest.winevent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;

/**
 * The two implementations of the checklist's flattening agree on real records: the evtx crate's JSON read by the
 * JSON reader, and a reference XML export of the same file (libevtx) flattened by {@link ElementFlattener}.
 * Records are matched by EventRecordID. Values are compared after undoing the ways the reference tools format
 * the same value differently (GUID braces and case, timestamp digits, hex padding, numbers as text); where
 * libevtx leaves out an empty optional element that the crate keeps as null, the two count as equal.
 *
 * <p>The large CAPI2 logs of the corpus are left out: there the two reference parsers disagree about the records
 * themselves (nested BinXML: the crate orders repeated siblings differently and drops some attributes that libevtx
 * shows), which says nothing about the flattening.
 */
class FlatteningAgreementTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "omerbenamram+evtx/samples/system.evtx",
        "omerbenamram+evtx/samples/security.evtx",
        "omerbenamram+evtx/samples/sysmon.evtx",
        "omerbenamram+evtx/samples/new-user-security.evtx",
        "Velocidex+evtx/testdata/Microsoft-Windows-CAPI2_Operational_EventID70.evtx",
        "sans-blue-team+DeepBlueCLI/evtx/wmi-event-filter-persistance.evtx",
        "sans-blue-team+DeepBlueCLI/evtx/many-events-application.evtx",
        "sans-blue-team+DeepBlueCLI/evtx/Powershell-Invoke-Obfuscation-many.evtx",
        "sans-blue-team+DeepBlueCLI/evtx/metasploit-psexec-powershell-target-system.evtx",
    })
    void crateJsonAndXmlGiveTheSameFields(String sample) throws IOException {
        String evtx = sample.split("\\|")[0];
        String reference = sample.endsWith("|partial") ? ".libevtx-partial.xml.gz" : ".libevtx.xml.gz";
        Path crate = Corpus.path("evtx-ref/evtx/" + evtx + ".evtx-crate-0.8.5.jsonl.gz");
        Path xml = Corpus.path("evtx-ref/evtx/" + evtx + reference);
        Map<Long, Fields> fromJson = new HashMap<>();
        for (Event event : EvidenceFiles.read(crate).events()) {
            fromJson.put(event.recordId(), event.fields());
        }
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (String record : records(xml)) {
            Fields.Builder builder = Fields.builder();
            try {
                ElementFlattener.flattenEvent(EventXml.parse(record), builder);
            } catch (EventXml.XmlException e) {
                differences.add("unreadable reference XML: " + e.getMessage());
                continue;
            }
            Fields fromXml = builder.build();
            Object id = fromXml.get("EventRecordID");
            Fields json = fromJson.get(id instanceof Long l ? l : -1L);
            if (json == null) {
                continue; // a record the crate did not read (damaged file): nothing to compare
            }
            compared++;
            Map<String, String> a = normalized(json);
            Map<String, String> b = normalized(fromXml);
            if (!a.equals(b) && differences.size() < 10) {
                differences.add("record " + id + ": " + describe(a, b));
            }
        }
        assertTrue(compared > 0, "no record of " + evtx + " could be compared");
        assertEquals(List.of(), differences, evtx + ": " + compared + " records compared");
    }

    /** The events of an evtxexport XML file, one string each. */
    private static List<String> records(Path xmlGz) throws IOException {
        String text;
        try (InputStream in = new GZIPInputStream(Files.newInputStream(xmlGz))) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> records = new ArrayList<>();
        int start = text.indexOf("<Event ");
        while (start >= 0) {
            int end = text.indexOf("</Event>", start);
            if (end < 0) {
                break;
            }
            records.add(text.substring(start, end + "</Event>".length()));
            start = text.indexOf("<Event ", end);
        }
        return records;
    }

    /**
     * Values by name, canonical; repeated siblings ({@code X}, {@code X_1} …) folded into one list, because the
     * crate writes an array substitution as a JSON list where XML repeats the element, and XML text cannot say
     * which of the two a repeated element was.
     */
    private static Map<String, String> normalized(Fields fields) {
        Map<String, String> flat = flat(fields);
        Map<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> entry : flat.entrySet()) {
            String name = entry.getKey();
            if (name.matches(".*_\\d+") && flat.containsKey(name.replaceFirst("_\\d+$", ""))) {
                continue;
            }
            StringBuilder value = new StringBuilder(entry.getValue());
            for (int i = 1; flat.containsKey(name + "_" + i); i++) {
                value.append('|').append(flat.get(name + "_" + i));
            }
            out.put(name, value.toString());
        }
        return out;
    }

    private static Map<String, String> flat(Fields fields) {
        Map<String, String> out = new TreeMap<>();
        fields.forEach((name, value) -> {
            String text = value instanceof List<?> list ? String.join("|", list.stream().map(Fields::textOf).toList())
                    : Fields.textOf(value);
            text = text == null ? "" : text;
            if (!text.isEmpty()) {
                out.put(name, canonical(text));
            }
        });
        return out;
    }

    private static String canonical(String value) {
        String v = value.strip();
        if (v.matches("\\{?[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}}?")) {
            return v.replace("{", "").replace("}", "").toUpperCase(Locale.ROOT);
        }
        if (v.matches("0[xX][0-9A-Fa-f]+")) {
            return "0x" + Long.toHexString(Long.parseUnsignedLong(v.substring(2), 16));
        }
        if (v.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z")) {
            Instant instant = EventTimes.instantOrNull(v, ZoneOffset.UTC);
            return instant.truncatedTo(ChronoUnit.MICROS).toString();
        }
        return v;
    }

    private static String describe(Map<String, String> json, Map<String, String> xml) {
        StringBuilder out = new StringBuilder();
        for (String name : new TreeSet<>(json.keySet()) {
            { addAll(xml.keySet()); }
        }) {
            String a = json.get(name);
            String b = xml.get(name);
            if (a == null || !a.equals(b)) {
                out.append(name).append(": json=").append(abbreviate(a)).append(" xml=").append(abbreviate(b))
                        .append("; ");
            }
        }
        return out.toString();
    }

    private static String abbreviate(String value) {
        return value == null ? "(absent)" : value.length() > 60 ? value.substring(0, 60) + "…" : value;
    }
}
