package org.sigmascope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import com.sun.net.httpserver.HttpServer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.rulelibrary.LibraryManifest;
import org.sigmascope.rulelibrary.update.RuleArchives;

/**
 * {@code rules update} end to end: an archive made from the corpus's SigmaHQ rules, served on the loopback address
 * or read from a file, installed into a temporary Sigmascope folder, and then used by {@code scan}.
 */
class RulesUpdateCommandTest {
    private static final String SAMPLES = "samples/wmi-persistence";
    /** SigmaHQ's "PowerShell Download and Execution Cradles": fires on the samples' download cradle. */
    private static final String CRADLE_ID = "85b0b087-eddf-4a2b-b033-d771fa2b9775";
    private static final String SEED_ID = "ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e";
    private static final String WMI = "rules/windows/wmi_event/";
    private static final String CRADLE_FILE =
            "rules/windows/process_creation/proc_creation_win_powershell_download_iex.yml";
    private static final String SEED_FILE =
            "rules/windows/process_creation/proc_creation_win_wmi_persistence_script_event_consumer.yml";

    @TempDir
    Path dir;
    private String savedHome;
    private HttpServer server;

    @BeforeEach
    void useTemporaryHome() {
        savedHome = System.getProperty("sigmascope.home");
        System.setProperty("sigmascope.home", dir.resolve("home").toString());
    }

    @AfterEach
    void restore() {
        if (server != null) {
            server.stop(0);
        }
        if (savedHome == null) {
            System.clearProperty("sigmascope.home");
        } else {
            System.setProperty("sigmascope.home", savedHome);
        }
    }

    private Path library() {
        return dir.resolve("home/rules/sigmahq");
    }

    private LibraryManifest manifest() throws IOException {
        return LibraryManifest.read(library().resolve(LibraryManifest.FILE));
    }

    /** Serves the archive on 127.0.0.1, behind a redirect as GitHub's "latest/download" addresses are. */
    private String serve(byte[] archive) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip", exchange -> {
            exchange.getResponseHeaders().add("Location", "/assets/r2026-08-01/sigma_all_rules.zip");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/assets/r2026-08-01/sigma_all_rules.zip", exchange -> {
            exchange.sendResponseHeaders(200, archive.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(archive);
            }
        });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    private static List<String> detectedRuleIds(CliRun run) {
        return run.out().lines().map(line -> line.replaceAll(".*\"rule_id\":\"([^\"]+)\".*", "$1")).toList();
    }

    @Test
    void installsAReleaseServedOnLoopbackAndScanUsesIt() throws IOException {
        byte[] archive = RuleArchives.create().corpusFolder("rules/windows/process_creation")
                .corpusFolder("rules/windows/wmi_event").bytes();
        String base = serve(archive);

        CliRun update = CliRun.of("rules", "update", "--from",
                base + "/SigmaHQ/sigma/releases/latest/download/sigma_all_rules.zip");

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("Rule library 'sigmahq' updated from " + base), update.out());
        LibraryManifest manifest = manifest();
        assertTrue(update.out().contains(String.format("%,d rules installed", manifest.rules().size())), update.out());
        assertTrue(manifest.rules().size() > 1000, "rules installed: " + manifest.rules().size());
        assertEquals(archive.length, manifest.archiveBytes());
        assertTrue(manifest.rules().stream().anyMatch(rule -> rule.id().equals(CRADLE_ID)));
        for (LibraryManifest.Rule rule : manifest.rules()) {
            assertTrue(Files.isRegularFile(library().resolve(rule.path())), rule.path());
        }
        for (LibraryManifest.SetAside file : manifest.setAside()) {
            assertFalse(Files.exists(library().resolve(file.path())), "set aside but installed: " + file.path());
        }
        assertTrue(Arrays.equals(archive, Files.readAllBytes(library().resolve("archive.zip"))));

        CliRun scan = CliRun.of("scan", "-f", "jsonl", SAMPLES);
        assertEquals(0, scan.exitCode(), scan.err());
        List<String> ids = detectedRuleIds(scan);
        assertTrue(ids.contains(CRADLE_ID), scan.out());
        // The library holds SigmaHQ's copy of the built-in seed rule too: the built-in one wins, silently.
        assertEquals(2, ids.stream().filter(SEED_ID::equals).count(), scan.out());

        CliRun builtinOnly = CliRun.of("scan", "--no-library-rules", "-f", "jsonl", SAMPLES);
        assertEquals(List.of(SEED_ID, SEED_ID), detectedRuleIds(builtinOnly));
    }

    @Test
    void installsOfflineFromAnArchiveFileAndSetsAsideRulesItCannotLoad() throws IOException {
        String unsupported = RuleArchives.corpusText(WMI + "sysmon_wmi_susp_scripting.yml")
                .replaceFirst("\\|contains", "|nosuchmodifier");
        Path zip = RuleArchives.create().corpusFile(WMI + "sysmon_wmi_event_subscription.yml")
                .corpusFile(CRADLE_FILE)
                .entry(WMI + "sysmon_wmi_susp_scripting.yml", unsupported)
                .entry("LICENSE.Detection.Rules.md", "Detection Rule License 1.1")
                .write(dir.resolve("sigma_all_rules.zip"));

        CliRun update = CliRun.of("rules", "update", "--from", zip.toString());

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("2 rules installed"), update.out());
        assertTrue(update.out().contains("1 rule files set aside"), update.out());
        LibraryManifest.SetAside setAside = manifest().setAside().get(0);
        assertEquals(WMI + "sysmon_wmi_susp_scripting.yml", setAside.path());
        assertTrue(setAside.reason().contains("nosuchmodifier"), setAside.reason());
        assertTrue(Files.readString(library().resolve("set-aside.txt"))
                .contains(WMI + "sysmon_wmi_susp_scripting.yml:"));
        assertTrue(Files.exists(library().resolve("LICENSE.Detection.Rules.md")));

        CliRun check = CliRun.of("rules", "check");
        assertEquals(0, check.exitCode(), check.out());
        int builtin = org.sigmascope.sigma.load.RuleLoader.load(List.of(org.sigmascope.sigma.BuiltinRules.source()))
                .rules().size();
        assertEquals((builtin + 2) + " rules loaded, 0 failed", check.out().strip(), "the built-in rules and the library's two");

        CliRun strict = CliRun.of("rules", "update", "--strict", "--from", zip.toString());
        assertEquals(1, strict.exitCode());
        assertTrue(strict.err().contains("cannot be loaded by this version (--strict)"), strict.err());
    }

    @Test
    void reportsTheRulesAddedChangedAndRemoved() throws IOException {
        Path first = RuleArchives.create()
                .corpusFile(WMI + "sysmon_wmi_event_subscription.yml")
                .corpusFile(SEED_FILE)
                .corpusFile(WMI + "sysmon_wmi_susp_scripting.yml")
                .write(dir.resolve("first.zip"));
        assertEquals(0, CliRun.of("rules", "update", "--from", first.toString()).exitCode());

        String retitled = RuleArchives.corpusText(WMI + "sysmon_wmi_susp_scripting.yml")
                .replace("title: Suspicious Scripting in a WMI Consumer", "title: Scripting in a WMI Consumer");
        Path second = RuleArchives.create()
                .corpusFile(WMI + "sysmon_wmi_event_subscription.yml")
                .entry(WMI + "sysmon_wmi_susp_scripting.yml", retitled)
                .corpusFile(CRADLE_FILE)
                .write(dir.resolve("second.zip"));
        CliRun update = CliRun.of("rules", "update", "--from", second.toString());

        assertEquals(0, update.exitCode(), update.err());
        assertTrue(update.out().contains("3 rules: 1 added, 1 changed, 1 removed, 1 unchanged"), update.out());
        List<String> changes = update.out().lines().filter(line -> !line.startsWith(" ") && !line.startsWith("Rule"))
                .toList();
        assertEquals(List.of(
                "added    " + CRADLE_ID + "  PowerShell Download and Execution Cradles  (" + CRADLE_FILE + ")",
                "changed  fe21810c-2a8c-478f-8dd3-5a287fb2a0e0  Scripting in a WMI Consumer  "
                        + "(" + WMI + "sysmon_wmi_susp_scripting.yml)",
                "removed  " + SEED_ID + "  WMI Persistence - Script Event Consumer  (" + SEED_FILE + ")"), changes);
        assertFalse(Files.exists(library().resolve(SEED_FILE)));
    }

    @Test
    void aCorruptArchiveIsRefusedAndTheOldRulesStayInUse() throws IOException {
        Path good = RuleArchives.create().corpusFile(CRADLE_FILE).write(dir.resolve("good.zip"));
        assertEquals(0, CliRun.of("rules", "update", "--from", good.toString()).exitCode());
        LibraryManifest before = manifest();

        byte[] bytes = RuleArchives.create().corpusFolder("rules/windows/wmi_event").bytes();
        Path truncated = Files.write(dir.resolve("truncated.zip"), Arrays.copyOf(bytes, bytes.length / 2));
        CliRun update = CliRun.of("rules", "update", "--from", truncated.toString());

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains(truncated + ": not a valid zip archive"), update.err());
        assertTrue(update.err().contains("The rule library was not changed."), update.err());
        assertEquals(before, manifest());
        assertEquals(List.of("library.json", "archive.zip", "rules", "set-aside.txt").stream().sorted().toList(),
                Files.list(library()).map(p -> p.getFileName().toString()).sorted().toList());
        assertTrue(Files.list(dir.resolve("home/rules")).map(p -> p.getFileName().toString())
                .noneMatch(name -> name.startsWith(".staging") || name.startsWith(".previous")));
        CliRun scan = CliRun.of("scan", "-f", "jsonl", SAMPLES);
        assertTrue(detectedRuleIds(scan).contains(CRADLE_ID), scan.out());
    }

    @Test
    void aDamagedEntryIsFoundByItsChecksum() throws IOException {
        String text = RuleArchives.corpusText(WMI + "sysmon_wmi_event_subscription.yml");
        byte[] bytes = RuleArchives.create().entry(WMI + "a.yml", text).bytes();
        // Flip one bit inside the compressed data of the only entry (after its 30-byte local header and name).
        int inData = 30 + (WMI + "a.yml").length() + 20;
        bytes[inData] ^= 0x10;
        Path damaged = Files.write(dir.resolve("damaged.zip"), bytes);

        CliRun update = CliRun.of("rules", "update", "--from", damaged.toString());

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains("entry '" + WMI + "a.yml' is damaged"), update.err());
        assertFalse(Files.exists(library()));
    }

    @Test
    void anEntryThatLeavesTheFolderIsRefused() throws IOException {
        Path zip = RuleArchives.create().corpusFolder("rules/windows/wmi_event")
                .entry("rules/../../../escaped.yml", RuleArchives.corpusText(WMI + "sysmon_wmi_susp_scripting.yml"))
                .write(dir.resolve("traversal.zip"));

        CliRun update = CliRun.of("rules", "update", "--from", zip.toString());

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains("entry 'rules/../../../escaped.yml' leaves the rule folder"), update.err());
        try (var files = Files.walk(dir)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().equals("escaped.yml")));
        }
        assertFalse(Files.exists(library()));
    }

    @Test
    void aZipBombIsRefused() throws IOException {
        byte[] spaces = new byte[(int) org.sigmascope.sigma.load.RuleLoader.MAX_FILE_BYTES + 1];
        Arrays.fill(spaces, (byte) ' ');
        Path zip = RuleArchives.create().corpusFolder("rules/windows/wmi_event").entry(WMI + "bomb.yml", spaces)
                .write(dir.resolve("bomb.zip"));
        assertTrue(Files.size(zip) < 100_000);

        CliRun update = CliRun.of("rules", "update", "--from", zip.toString());

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains("entry '" + WMI + "bomb.yml' unpacks to more than"), update.err());
    }

    @Test
    void aRuleFileThatIsNotYamlMeansADamagedArchive() throws IOException {
        Path zip = RuleArchives.create().corpusFolder("rules/windows/wmi_event")
                .entry(WMI + "broken.yml", "title: broken\ndetection: [unclosed\n")
                .write(dir.resolve("broken.zip"));

        CliRun update = CliRun.of("rules", "update", "--from", zip.toString());

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains(zip + ": " + WMI + "broken.yml:3: invalid YAML"), update.err());
    }

    @Test
    void anArchiveWithoutRulesOrWithAnotherHashIsRefused() throws IOException {
        Path empty = RuleArchives.create().entry("README.md", "no rules here").write(dir.resolve("empty.zip"));
        CliRun noRules = CliRun.of("rules", "update", "--from", empty.toString());
        assertEquals(1, noRules.exitCode());
        assertTrue(noRules.err().contains("the archive holds no rule files"), noRules.err());

        Path zip = RuleArchives.create().corpusFolder("rules/windows/wmi_event").write(dir.resolve("rules.zip"));
        CliRun wrongHash = CliRun.of("rules", "update", "--sha256", "00".repeat(32), "--from", zip.toString());
        assertEquals(1, wrongHash.exitCode());
        assertTrue(wrongHash.err().contains("not the " + "00".repeat(32) + " expected; refused"), wrongHash.err());
        assertFalse(Files.exists(library()));
    }

    @Test
    void anHttpErrorIsReportedWithTheAddress() throws IOException {
        String base = serve(new byte[0]);

        CliRun update = CliRun.of("rules", "update", "--from", base + "/no/such/archive.zip");

        assertEquals(1, update.exitCode());
        assertTrue(update.err().contains(base + "/no/such/archive.zip: the server answered HTTP 404"), update.err());
    }

    @Test
    void otherLibrariesAreKeptUnderTheirOwnNames() throws IOException {
        Path zip = RuleArchives.create().corpusFile(WMI + "sysmon_wmi_event_subscription.yml")
                .write(dir.resolve("inhouse.zip"));
        assertEquals(0, CliRun.of("rules", "update", "--name", "inhouse", "--from", zip.toString()).exitCode());
        assertTrue(Files.exists(dir.resolve("home/rules/inhouse/library.json")));

        CliRun badName = CliRun.of("rules", "update", "--name", "../up", "--from", zip.toString());
        assertEquals(1, badName.exitCode());
        assertTrue(badName.err().contains("'../up' is not a library name"), badName.err());
    }
}
