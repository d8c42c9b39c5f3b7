package org.sigmascope.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadOptions;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.ingest.csv.CsvEvidenceReader;
import org.sigmascope.ingest.json.JsonEvidenceReader;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Speed of the JSON and CSV readers on one thread: events read per second, from file to {@code Event} (framing,
 * parsing, shape mapping, field building), nothing else. Not a test: run it by hand (docs/benchmarks.md).
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/bench.classpath) \
 *      org.sigmascope.bench.IngestBenchmark [EVENTS] [ROUNDS] [NAME-FILTER]
 * </pre>
 *
 * Writes its inputs to a temporary folder: evtx-crate JSONL (Sysmon 1 and Security 4624 as evtx_dump writes them,
 * about 1.3 KB a line), NXLog JSONL (flat, about 0.9 KB), EvtxECmd CSV (27 columns with the Payload JSON, about
 * 1.4 KB a row) and a plain CSV of 12 columns (about 0.2 KB a row).
 */
public final class IngestBenchmark {
    private IngestBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        int events = args.length > 0 ? Integer.parseInt(args[0]) : 500_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path dir = Files.createTempDirectory("sigmascope-bench-");
        try {
            List<Input> inputs = List.of(
                    new Input("JSONL, evtx crate", write(dir.resolve("crate.jsonl"), events, IngestBenchmark::crateLine),
                            new JsonEvidenceReader()),
                    new Input("JSONL, NXLog flat", write(dir.resolve("nxlog.jsonl"), events, IngestBenchmark::nxlogLine),
                            new JsonEvidenceReader()),
                    new Input("CSV, EvtxECmd", writeCsv(dir.resolve("evtxecmd.csv"), events, EVTXECMD_HEADER,
                            IngestBenchmark::evtxecmdRow), new CsvEvidenceReader()),
                    new Input("CSV, generic", writeCsv(dir.resolve("plain.csv"), events, PLAIN_HEADER,
                            IngestBenchmark::plainRow), new CsvEvidenceReader()));
            System.out.printf(Locale.ROOT, "%d events per input, %d rounds after 2 warm-up rounds, one thread, %s%n",
                    events, rounds, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            for (Input input : inputs) {
                if (args.length < 3 || input.name().toLowerCase(Locale.ROOT).contains(args[2].toLowerCase(Locale.ROOT))) {
                    measure(input, events, rounds);
                }
            }
        } finally {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    Files.delete(file);
                }
            }
            Files.delete(dir);
        }
    }

    private record Input(String name, Path file, EvidenceReader reader) {
    }

    private static void measure(Input input, int events, int rounds) throws IOException {
        long bytes = Files.size(input.file());
        double best = 0;
        List<Double> rates = new ArrayList<>();
        List<Double> cpuRates = new ArrayList<>();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        for (int round = -2; round < rounds; round++) {
            long[] count = {0};
            long cpuStarted = threads.getCurrentThreadCpuTime();
            long started = System.nanoTime();
            SourceStats stats = input.reader().read(ReadRequest.of(new Source(1, input.file(), input.name(),
                    input.reader().format()), ReadOptions.defaults()), event -> count[0]++);
            double seconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpuStarted) / 1e9;
            if (count[0] != events || stats.failed() != 0) {
                throw new IllegalStateException(input.name() + ": read " + count[0] + " events, " + stats.failed()
                        + " failed");
            }
            if (round >= 0) {
                double rate = events / seconds;
                rates.add(rate);
                cpuRates.add(events / cpuSeconds);
                best = Math.max(best, rate);
            }
        }
        rates.sort(Double::compare);
        cpuRates.sort(Double::compare);
        double median = rates.get(rates.size() / 2);
        double cpu = cpuRates.get(cpuRates.size() / 2);
        System.out.printf(Locale.ROOT, "%-20s %6.0f bytes/event  wall: median %,10.0f best %,10.0f events/s   "
                + "per CPU-second of the reading thread: median %,10.0f events/s (%4.0f MB/s)%n", input.name(),
                (double) bytes / events, median, best, cpu, cpu * bytes / events / 1e6);
    }

    private interface Line {
        String of(int i);
    }

    private static Path write(Path file, int events, Line line) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 0; i < events; i++) {
                out.write(line.of(i));
                out.write('\n');
            }
        }
        return file;
    }

    private static Path writeCsv(Path file, int events, String header, Line row) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header);
            out.write("\r\n");
            for (int i = 0; i < events; i++) {
                out.write(row.of(i));
                out.write("\r\n");
            }
        }
        return file;
    }

    private static final Instant START = Instant.parse("2024-03-11T08:00:00Z");

    private static String time(int i) {
        return START.plusMillis(i * 37L).toString();
    }

    private static String crateLine(int i) {
        if (i % 3 == 2) {
            return "{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},"
                    + "\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Security-Auditing\","
                    + "\"Guid\":\"54849625-5478-4994-A5BA-3E3B0328C30D\"}},\"EventID\":4624,\"Version\":2,\"Level\":0,"
                    + "\"Task\":12544,\"Opcode\":0,\"Keywords\":\"0x8020000000000000\",\"TimeCreated\":{\"#attributes\":"
                    + "{\"SystemTime\":\"" + time(i) + "\"}},\"EventRecordID\":" + (1000 + i) + ",\"Correlation\":{"
                    + "\"#attributes\":{\"ActivityID\":\"5965E1C0-DDA7-0003-D8E1-6559A7DDD801\"}},\"Execution\":{"
                    + "\"#attributes\":{\"ProcessID\":688,\"ThreadID\":" + (700 + i % 50) + "}},\"Channel\":\"Security\","
                    + "\"Computer\":\"WS" + (i % 40) + ".corp.example\",\"Security\":null},\"EventData\":{"
                    + "\"SubjectUserSid\":\"S-1-5-18\",\"SubjectUserName\":\"WS" + (i % 40) + "$\",\"SubjectDomainName\":"
                    + "\"CORP\",\"SubjectLogonId\":\"0x3e7\",\"TargetUserSid\":\"S-1-5-21-1-2-3-" + (1000 + i % 300)
                    + "\",\"TargetUserName\":\"user" + (i % 300) + "\",\"TargetDomainName\":\"CORP\",\"TargetLogonId\":\"0x"
                    + Integer.toHexString(0x100000 + i) + "\",\"LogonType\":" + (2 + i % 9) + ",\"LogonProcessName\":"
                    + "\"User32 \",\"AuthenticationPackageName\":\"Negotiate\",\"WorkstationName\":\"WS" + (i % 40)
                    + "\",\"LogonGuid\":\"00000000-0000-0000-0000-000000000000\",\"TransmittedServices\":\"-\","
                    + "\"LmPackageName\":\"-\",\"KeyLength\":0,\"ProcessId\":\"0x2a8\",\"ProcessName\":"
                    + "\"C:\\\\Windows\\\\System32\\\\svchost.exe\",\"IpAddress\":\"10.0." + (i % 200) + "." + (i % 250)
                    + "\",\"IpPort\":\"" + (49152 + i % 10000) + "\",\"ImpersonationLevel\":\"%%1833\",\"RestrictedAdminMode\""
                    + ":\"-\",\"TargetOutboundUserName\":\"-\",\"TargetOutboundDomainName\":\"-\",\"VirtualAccount\":"
                    + "\"%%1843\",\"TargetLinkedLogonId\":\"0x0\",\"ElevatedToken\":\"%%1842\"}}}";
        }
        return "{\"Event\":{\"#attributes\":{\"xmlns\":\"http://schemas.microsoft.com/win/2004/08/events/event\"},"
                + "\"System\":{\"Provider\":{\"#attributes\":{\"Name\":\"Microsoft-Windows-Sysmon\",\"Guid\":"
                + "\"5770385F-C22A-43E0-BF4C-06F5698FFBD9\"}},\"EventID\":1,\"Version\":5,\"Level\":4,\"Task\":1,"
                + "\"Opcode\":0,\"Keywords\":\"0x8000000000000000\",\"TimeCreated\":{\"#attributes\":{\"SystemTime\":\""
                + time(i) + "\"}},\"EventRecordID\":" + (1000 + i) + ",\"Correlation\":null,\"Execution\":{"
                + "\"#attributes\":{\"ProcessID\":2204,\"ThreadID\":3120}},\"Channel\":"
                + "\"Microsoft-Windows-Sysmon/Operational\",\"Computer\":\"WS" + (i % 40) + ".corp.example\","
                + "\"Security\":{\"#attributes\":{\"UserID\":\"S-1-5-18\"}}},\"EventData\":{\"RuleName\":\"-\","
                + "\"UtcTime\":\"2024-03-11 08:00:01.120\",\"ProcessGuid\":\"{6B8A1C2D-0001-6571-0007-" + String.format(
                "%012X", i) + "}\",\"ProcessId\":" + (4000 + i % 60000) + ",\"Image\":\"C:\\\\Windows\\\\System32\\\\"
                + (i % 2 == 0 ? "cmd.exe" : "WindowsPowerShell\\\\v1.0\\\\powershell.exe") + "\",\"FileVersion\":"
                + "\"10.0.19041.546 (WinBuild.160101.0800)\",\"Description\":\"Windows Command Processor\",\"Product\":"
                + "\"Microsoft\u00ae Windows\u00ae Operating System\",\"Company\":\"Microsoft Corporation\","
                + "\"OriginalFileName\":\"Cmd.Exe\",\"CommandLine\":\"cmd.exe /c echo " + i + " > C:\\\\Temp\\\\out"
                + (i % 17) + ".txt\",\"CurrentDirectory\":\"C:\\\\Windows\\\\system32\\\\\",\"User\":\"CORP\\\\user"
                + (i % 300) + "\",\"LogonGuid\":\"{6B8A1C2D-0000-0000-E703-000000000000}\",\"LogonId\":\"0x3e7\","
                + "\"TerminalSessionId\":1,\"IntegrityLevel\":\"High\",\"Hashes\":\"SHA256=" + String.format("%064X", i)
                + "\",\"ParentProcessGuid\":\"{6B8A1C2D-0000-6571-0000-000000001A00}\",\"ParentProcessId\":540,"
                + "\"ParentImage\":\"C:\\\\Windows\\\\explorer.exe\",\"ParentCommandLine\":\"C:\\\\Windows\\\\Explorer.EXE\""
                + ",\"ParentUser\":\"CORP\\\\user" + (i % 300) + "\"}}}";
    }

    private static String nxlogLine(int i) {
        return "{\"EventTime\":\"2024-03-11 08:" + String.format("%02d:%02d", i / 60 % 60, i % 60) + "\",\"Hostname\":"
                + "\"WS" + (i % 40) + ".corp.example\",\"Keywords\":-9223372036854775808,\"EventType\":\"INFO\","
                + "\"SeverityValue\":2,\"Severity\":\"INFO\",\"EventID\":1,\"SourceName\":\"Microsoft-Windows-Sysmon\","
                + "\"ProviderGuid\":\"{5770385F-C22A-43E0-BF4C-06F5698FFBD9}\",\"Version\":5,\"Task\":1,\"OpcodeValue\""
                + ":0,\"RecordNumber\":" + (1000 + i) + ",\"ExecutionProcessID\":2204,\"ThreadID\":3120,\"Channel\":"
                + "\"Microsoft-Windows-Sysmon/Operational\",\"Domain\":\"NT AUTHORITY\",\"AccountName\":\"SYSTEM\","
                + "\"UserID\":\"S-1-5-18\",\"AccountType\":\"User\",\"Category\":\"Process Create (rule: ProcessCreate)\","
                + "\"Opcode\":\"Info\",\"RuleName\":\"-\",\"UtcTime\":\"2024-03-11 08:00:01.120\",\"ProcessGuid\":"
                + "\"{6B8A1C2D-0001-6571-0007-" + String.format("%012X", i) + "}\",\"ProcessId\":\"" + (4000 + i % 60000)
                + "\",\"Image\":\"C:\\\\Windows\\\\System32\\\\cmd.exe\",\"CommandLine\":\"cmd.exe /c echo " + i
                + "\",\"CurrentDirectory\":\"C:\\\\Windows\\\\system32\\\\\",\"User\":\"CORP\\\\user" + (i % 300)
                + "\",\"LogonId\":\"0x3e7\",\"IntegrityLevel\":\"High\",\"Hashes\":\"SHA256=" + String.format("%064X", i)
                + "\",\"ParentProcessId\":\"540\",\"ParentImage\":\"C:\\\\Windows\\\\explorer.exe\",\"ParentCommandLine\""
                + ":\"C:\\\\Windows\\\\Explorer.EXE\",\"EventReceivedTime\":\"2024-03-11 08:00:02\",\"SourceModuleName\":"
                + "\"eventlog\",\"SourceModuleType\":\"im_msvistalog\"}";
    }

    private static final String EVTXECMD_HEADER = "RecordNumber,EventRecordId,TimeCreated,EventId,Level,Provider,"
            + "Channel,ProcessId,ThreadId,Computer,ChunkNumber,UserId,MapDescription,UserName,RemoteHost,PayloadData1,"
            + "PayloadData2,PayloadData3,PayloadData4,PayloadData5,PayloadData6,ExecutableInfo,HiddenRecord,SourceFile,"
            + "Keywords,ExtraDataOffset,Payload";

    private static String evtxecmdRow(int i) {
        String payload = "{\"\"EventData\"\":{\"\"Data\"\":[{\"\"@Name\"\":\"\"RuleName\"\",\"\"#text\"\":\"\"-\"\"},"
                + "{\"\"@Name\"\":\"\"UtcTime\"\",\"\"#text\"\":\"\"2024-03-11 08:00:01.120\"\"},{\"\"@Name\"\":"
                + "\"\"ProcessGuid\"\",\"\"#text\"\":\"\"{6b8a1c2d-0001-6571-0007-" + String.format("%012x", i)
                + "}\"\"},{\"\"@Name\"\":\"\"ProcessId\"\",\"\"#text\"\":\"\"" + (4000 + i % 60000) + "\"\"},{\"\"@Name\"\":"
                + "\"\"Image\"\",\"\"#text\"\":\"\"C:\\\\Windows\\\\System32\\\\cmd.exe\"\"},{\"\"@Name\"\":"
                + "\"\"CommandLine\"\",\"\"#text\"\":\"\"cmd.exe /c echo " + i + "\"\"},{\"\"@Name\"\":\"\"CurrentDirectory"
                + "\"\",\"\"#text\"\":\"\"C:\\\\Windows\\\\system32\\\\\"\"},{\"\"@Name\"\":\"\"User\"\",\"\"#text\"\":"
                + "\"\"CORP\\\\user" + (i % 300) + "\"\"},{\"\"@Name\"\":\"\"LogonId\"\",\"\"#text\"\":\"\"0x3e7\"\"},"
                + "{\"\"@Name\"\":\"\"IntegrityLevel\"\",\"\"#text\"\":\"\"High\"\"},{\"\"@Name\"\":\"\"Hashes\"\","
                + "\"\"#text\"\":\"\"SHA256=" + String.format("%064X", i) + "\"\"},{\"\"@Name\"\":\"\"ParentProcessId\"\","
                + "\"\"#text\"\":\"\"540\"\"},{\"\"@Name\"\":\"\"ParentImage\"\",\"\"#text\"\":"
                + "\"\"C:\\\\Windows\\\\explorer.exe\"\"},{\"\"@Name\"\":\"\"ParentCommandLine\"\",\"\"#text\"\":"
                + "\"\"C:\\\\Windows\\\\Explorer.EXE\"\"}]}}";
        return (i + 1) + "," + (1000 + i) + ",2024-03-11 08:00:01." + String.format("%07d", i % 10_000_000) + ",1,Info,"
                + "Microsoft-Windows-Sysmon,Microsoft-Windows-Sysmon/Operational,2204,3120,WS" + (i % 40)
                + ".corp.example,0,S-1-5-18,Process creation,CORP\\user" + (i % 300) + ",,\"ProcessID: "
                + (4000 + i % 60000) + ", ProcessGUID: {6b8a1c2d-0001-6571-0007-" + String.format("%012x", i)
                + "}\",RuleName: -,SHA256=" + String.format("%064X", i) + ",ParentProcess: C:\\Windows\\explorer.exe,"
                + "ParentProcessID: 540,ParentCommandLine: C:\\Windows\\Explorer.EXE,cmd.exe /c echo " + i + ",False,"
                + "C:\\Windows\\System32\\winevt\\Logs\\Microsoft-Windows-Sysmon%4Operational.evtx,Classic,0,\"" + payload
                + "\"";
    }

    private static final String PLAIN_HEADER = "TimeCreated,Computer,Channel,EventID,EventRecordID,User,Image,"
            + "CommandLine,ParentImage,ProcessId,ParentProcessId,IntegrityLevel";

    private static String plainRow(int i) {
        return time(i) + ",WS" + (i % 40) + ".corp.example,Microsoft-Windows-Sysmon/Operational,1," + (1000 + i)
                + ",CORP\\user" + (i % 300) + ",C:\\Windows\\System32\\cmd.exe,\"cmd.exe /c echo " + i + "\","
                + "C:\\Windows\\explorer.exe," + (4000 + i % 60000) + ",540,High";
    }
}
