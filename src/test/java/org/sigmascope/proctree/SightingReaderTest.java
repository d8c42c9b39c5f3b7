package org.sigmascope.proctree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.model.Event;

/**
 * What events say about processes, as a golden file: every sighting of DeepBlueCLI's sliver samples (Sysmon and
 * Security logs of one host), reviewed as data. Run with {@code -Dsigmascope.updateGolden=true} to rewrite the file
 * after a deliberate change, then review the diff.
 */
class SightingReaderTest {
    private static final Path GOLDEN = Path.of("src/test/resources/proctree/sliver-sightings.txt");

    @TempDir
    Path temp;

    @Test
    void sliverSightingsMatchTheGoldenFile() throws IOException {
        List<Event> events = CorpusEvidence.deepBlue(temp, "sliver-sysmon", "sliver-security");
        List<String> lines = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (Event event : events) {
            Sighting s = SightingReader.read(event, problems::add);
            if (s != null) {
                lines.add(render(s));
            }
        }
        String actual = String.join("\n", lines) + "\n";
        if (Boolean.getBoolean("sigmascope.updateGolden")) {
            Files.writeString(GOLDEN, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(GOLDEN, StandardCharsets.UTF_8), actual);
        assertEquals(List.of(), problems);
    }

    static String render(Sighting s) {
        return s.eventId() + " " + s.witness() + " " + s.role() + (s.activity() == null ? "" : "/" + s.activity())
                + " " + s.host() + " " + Ticks.toInstant(s.time()) + " self" + claims(s.self())
                + (s.role() == Sighting.Role.START ? " parent" + claims(s.parent()) : "");
    }

    private static String claims(ProcessClaims c) {
        return "{pid=" + (c.hasPid() ? c.pid() : "-") + " guid=" + (c.guid() == null ? "-" : c.guid()) + " image="
                + (c.image() == null ? "-" : c.image()) + " user=" + (c.user() == null ? "-" : c.user()) + " logon="
                + (c.hasLogon() ? "0x" + Long.toHexString(c.logonId()) : "-") + " cmd="
                + (c.commandLine() == null ? "-" : c.commandLine().length() > 60 ? c.commandLine().substring(0, 60)
                + "…" : c.commandLine()) + "}";
    }

    @Test
    void eventsOfOtherLogsSayNothing() {
        TestEvents e = new TestEvents();
        Event start = e.securityStart(1, 300, "C:\\x.exe", "x", 4, null, 0x3e7, 0);
        Event elsewhere = new Event(start.id(), 1, 1, start.timestamp(), start.computer(), "Application", "MyApp",
                4688, 4, start.fields(), 0, false);
        assertNull(SightingReader.read(elsewhere, problem -> { }));
    }

    @Test
    void valuesAreReadInTheFormsExportsGive() {
        assertEquals(0x2de4, FieldValues.parse(" 0x2DE4 "));
        assertEquals(11748, FieldValues.parse("11748"));
        assertEquals(ProcessClaims.NO_PID, FieldValues.parse("-"));
        assertEquals(ProcessClaims.NO_PID, FieldValues.parse(""));
        assertEquals(FieldValues.INVALID, FieldValues.parse("0x"));
        assertEquals(FieldValues.INVALID, FieldValues.parse("12a"));
        assertEquals(FieldValues.INVALID, FieldValues.parse("0x10000000000000000"));
        assertEquals(new Guid(0x0FD507646E446466L, 0x0A18000000001700L),
                Guid.parseOrNull("0FD50764-6E44-6466-0A18-000000001700"));
        assertEquals(Guid.parseOrNull("{0fd50764-6e44-6466-0a18-000000001700}"),
                Guid.parseOrNull("0FD50764-6E44-6466-0A18-000000001700"));
        assertEquals("{0FD50764-6E44-6466-0A18-000000001700}",
                Guid.parseOrNull("0fd50764-6e44-6466-0a18-000000001700").toString());
        assertNull(Guid.parseOrNull("{00000000-0000-0000-0000-000000000000}"));
        assertNull(Guid.parseOrNull("0FD50764-6E44-6466-0A18-00000000170G"));
        assertNull(Guid.parseOrNull("0FD50764+6E44-6466-0A18-000000001700"));
        assertEquals(true, Images.agree("\\Device\\HarddiskVolume2\\Windows\\System32\\CMD.EXE",
                "C:\\Windows\\system32\\cmd.exe"));
        assertEquals(false, Images.agree("C:\\Windows\\cmd.exe", "C:\\Windows\\cmd.exe.bak"));
        assertEquals(false, Images.disagree("-", "C:\\Windows\\cmd.exe"));
        assertEquals(true, CommandLines.agree("cmd.exe /c \"%%{x}\"", "CMD.EXE  /c \"%{x}\""));
        assertEquals(false, CommandLines.agree("cmd.exe", "cmd.exe /c x"));
        String cut = "a".repeat(250);
        assertEquals(true, CommandLines.agree(cut, cut + " more"), "a long value cut short");
    }

    @Test
    void primitiveStructuresKeepEverything() {
        LongIntMap map = new LongIntMap();
        GuidMap guids = new GuidMap();
        for (int i = 0; i < 100_000; i++) {
            map.put((long) (i % 7) << 32 | i, i);
            guids.put(i % 7, new Guid(i, -i), i);
        }
        for (int i = 0; i < 100_000; i++) {
            assertEquals(i, map.get((long) (i % 7) << 32 | i));
            assertEquals(i, guids.get(i % 7, new Guid(i, -i)));
            assertEquals(-1, guids.get((i + 1) % 7, new Guid(i, -i)), "another host's GUID");
        }
        long[] keys = {5, -3, Long.MIN_VALUE + 1, 5, 0, Long.MAX_VALUE, -3};
        int[] payload = {0, 1, 2, 3, 4, 5, 6};
        RadixSort.sort(keys, payload, keys.length);
        assertEquals(List.of(Long.MIN_VALUE + 1, -3L, -3L, 0L, 5L, 5L, Long.MAX_VALUE),
                java.util.Arrays.stream(keys).boxed().toList());
        assertEquals(List.of(2, 1, 6, 4, 0, 3, 5), java.util.Arrays.stream(payload).boxed().toList(), "stable");
    }
}
