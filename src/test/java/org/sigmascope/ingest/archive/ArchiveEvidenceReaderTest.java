package org.sigmascope.ingest.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.Corpus;
import org.sigmascope.ingest.EvidenceFiles;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Evidence in gzip, zip and tar containers is found by content and read member by member; damaged containers give
 * what they hold and say what is missing; bombs and hostile member names do no harm.
 */
class ArchiveEvidenceReaderTest {
    private static final String NXLOG = "formats/nxlog-otrf-json/OTRF+Security-Datasets/datasets/atomic/windows/"
            + "persistence/host/cmd_userinitmprlogonscript_batch_2020-10-1922471810.json";
    private static final String CSV = "formats/plaso-timesketch-csv/google+timesketch/end_to_end_tests/test_data/"
            + "evtx_part.csv";

    @TempDir
    Path dir;

    private static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream gz = new GZIPOutputStream(out)) {
            gz.write(data);
        }
        return out.toByteArray();
    }

    private static byte[] zip(Object... nameThenBytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < nameThenBytes.length; i += 2) {
                zip.putNextEntry(new ZipEntry((String) nameThenBytes[i]));
                zip.write((byte[]) nameThenBytes[i + 1]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    /** A ustar archive of regular files. */
    private static byte[] tar(Object... nameThenBytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            byte[] data = (byte[]) nameThenBytes[i + 1];
            byte[] header = new byte[512];
            byte[] name = ((String) nameThenBytes[i]).getBytes(StandardCharsets.UTF_8);
            System.arraycopy(name, 0, header, 0, name.length);
            put(header, 100, "0000644\0");
            put(header, 124, String.format("%011o\0", data.length));
            put(header, 136, String.format("%011o\0", 0));
            header[156] = '0';
            put(header, 257, "ustar\0" + "00");
            Arrays.fill(header, 148, 156, (byte) ' ');
            int sum = 0;
            for (byte b : header) {
                sum += b & 0xff;
            }
            put(header, 148, String.format("%06o\0 ", sum));
            out.writeBytes(header);
            out.writeBytes(data);
            out.writeBytes(new byte[(512 - data.length % 512) % 512]);
        }
        out.writeBytes(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] block, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    private Path file(String name, byte[] bytes) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, bytes);
        return path;
    }

    @Test
    void aGzipOfJsonLinesGivesTheSameEventsAsTheFile() throws IOException {
        byte[] plain = Files.readAllBytes(Corpus.path(NXLOG));
        EvidenceFiles.Read direct = EvidenceFiles.read(Corpus.path(NXLOG));
        EvidenceFiles.Read packed = EvidenceFiles.read(file("events.json.gz", gzip(plain)), "events.json.gz",
                ReadOptions.defaults());
        assertEquals("gzip", packed.format());
        assertEquals(direct.events().size(), packed.events().size());
        assertEquals(direct.events().get(5).fields(), packed.events().get(5).fields());
        assertTrue(packed.stats().diagnostics().stream().allMatch(d -> d.file().equals("events.json.gz!events.json")),
                packed.stats().diagnostics().toString());
    }

    @Test
    void aZipIsReadMemberByMemberWhateverTheirNames() throws IOException {
        byte[] json = Files.readAllBytes(Corpus.path(NXLOG));
        byte[] csv = Files.readAllBytes(Corpus.path(CSV));
        byte[] inner = zip("deeper/events.txt", json);
        Path archive = file("case.zip", zip("logs/a.dat", json, "logs/b", csv, "README.md",
                "Notes about the case".getBytes(StandardCharsets.UTF_8), "nested.zip", inner));
        EvidenceFiles.Read read = EvidenceFiles.read(archive, "case.zip", ReadOptions.defaults());
        assertEquals("zip", read.format());
        assertEquals(122 + 13 + 122, read.events().size());
        assertEquals(0, read.stats().failed());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.file().equals("case.zip!README.md")
                && d.message().contains("not a format")), read.stats().diagnostics().toString());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.file().equals("case.zip!logs/b")));
        assertTrue(read.stats().diagnostics().stream()
                .anyMatch(d -> d.file().equals("case.zip!nested.zip!deeper/events.txt")));
        assertTrue(read.events().stream().allMatch(e -> e.sourceId() == 1), "events belong to the archive's source");
    }

    @Test
    void aTarGzIsRead() throws IOException {
        byte[] json = Files.readAllBytes(Corpus.path(NXLOG));
        Path archive = file("dataset.tar.gz", gzip(tar("dataset/one.json", json, "dataset/two.json", json)));
        EvidenceFiles.Read read = EvidenceFiles.read(archive);
        assertEquals(244, read.events().size());
        assertEquals(0, read.stats().failed());
    }

    @Test
    void aTruncatedGzipGivesWhatItHoldsAndSaysItIsCut() throws IOException {
        byte[] packed = gzip(Files.readAllBytes(Corpus.path(NXLOG)));
        Path cut = file("cut.json.gz", Arrays.copyOf(packed, packed.length / 2));
        EvidenceFiles.Read read = EvidenceFiles.read(cut);
        assertTrue(read.events().size() > 20 && read.events().size() < 122, "read " + read.events().size());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.message().contains("truncated")),
                read.stats().diagnostics().toString());
        assertEquals(1, read.stats().failed(), "the record cut in the middle: " + read.stats().diagnostics());
    }

    @Test
    void memberNamesAreNeverUsedAsPaths() throws IOException {
        byte[] json = "{\"EventID\": 1, \"Channel\": \"Security\"}\n".getBytes(StandardCharsets.UTF_8);
        Path archive = file("slip.zip", zip("../../escaped.json", json, "/etc/absolute.json", json,
                "..\\..\\windows.json", json));
        EvidenceFiles.Read read = EvidenceFiles.read(archive, "slip.zip", ReadOptions.defaults());
        assertEquals(3, read.events().size());
        assertFalse(Files.exists(dir.getParent().resolve("escaped.json")));
        assertFalse(Files.exists(dir.resolve("../../escaped.json").normalize()));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(archive), files.toList(), "nothing is written next to the evidence");
        }
    }

    @Test
    void aDecompressionBombStopsAtTheLimit() throws IOException {
        byte[] line = "{\"EventID\": 1, \"Channel\": \"Security\", \"Pad\": \"                \"}\n"
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream big = new ByteArrayOutputStream();
        while (big.size() < 8 << 20) {
            big.writeBytes(line);
        }
        Path bomb = file("bomb.json.gz", gzip(big.toByteArray()));
        ArchiveEvidenceReader reader = new ArchiveEvidenceReader(ArchiveKind.GZIP, 0,
                compressed -> new ExpansionLimit(1 << 20, 100, 4));
        List<Event> events = new ArrayList<>();
        SourceStats stats = reader.read(ReadRequest.of(new Source(1, bomb, "bomb.json.gz", "gzip"),
                ReadOptions.defaults()), events::add);
        assertTrue(events.size() > 1000 && events.size() < (1 << 20) / line.length + 1, "read " + events.size());
        assertTrue(stats.diagnostics().stream().anyMatch(d -> d.severity() == Diagnostic.Severity.WARNING
                && d.message().contains("decompression bomb")), stats.diagnostics().toString());
    }

    @Test
    void archivesNestedTooDeepAreNotOpened() throws IOException {
        byte[] json = "{\"EventID\": 1}\n".getBytes(StandardCharsets.UTF_8);
        byte[] nested = zip("e.json", json);
        for (int i = 0; i < 5; i++) {
            nested = zip("level" + i + ".zip", nested);
        }
        EvidenceFiles.Read read = EvidenceFiles.read(file("deep.zip", nested));
        assertEquals(0, read.events().size());
        assertTrue(read.stats().diagnostics().stream().anyMatch(d -> d.message().contains("nested deeper")),
                read.stats().diagnostics().toString());
    }

    @Test
    void theTemporaryFilesAreRemoved() throws IOException {
        Path temp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = spools(temp);
        EvidenceFiles.read(file("again.json.gz", gzip(Files.readAllBytes(Corpus.path(NXLOG)))));
        // The temporary folder is shared: another process reading an archive at the same moment has a spool of
        // its own there for a while, gone when it finishes; a spool of ours left behind stays, and fails this.
        List<Path> left = newSpools(temp, before);
        for (int wait = 0; !left.isEmpty() && wait < 100; wait++) {
            sleep(100);
            left = newSpools(temp, before);
        }
        assertEquals(List.of(), left, "spool files left in " + temp);
    }

    private static List<Path> newSpools(Path temp, List<Path> before) throws IOException {
        return spools(temp).stream().filter(p -> !before.contains(p)).toList();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static List<Path> spools(Path temp) throws IOException {
        try (Stream<Path> files = Files.list(temp)) {
            return files.filter(p -> p.getFileName().toString().startsWith("sigmascope-archive-")).sorted().toList();
        }
    }
}
