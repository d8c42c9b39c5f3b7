package org.sigmascope.proctree;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;

/**
 * Deterministic evidence with known parents, for tests (until the {@code generate} command lands): hosts boot,
 * users and services start processes, processes exit and their ids are reused the way Windows reuses them (soon,
 * most recently freed first), and each start and stop is logged by Sysmon, the Security log or both, with some
 * events lost. The truth behind every record is kept in {@link GeneratedEvidence}.
 */
final class ProcessStoryGenerator {
    enum Logs { SYSMON, SECURITY, BOTH }

    /**
     * @param seed         the random seed: the same options give the same evidence
     * @param hosts        computers
     * @param spawns       process starts per host after boot
     * @param pidSpace     distinct process ids per host (small: ids are reused sooner)
     * @param logs         which logs record starts and stops
     * @param startLoss    the share of start events lost (per log)
     * @param stopLoss     the share of stop events lost (per log)
     * @param bootLogged   whether logging began before boot (else boot processes are never seen starting)
     * @param seedStory    put the WMI persistence story (svchost.exe, scrcons.exe, payload) on the first host
     * @param activities   other events (network, file, registry) per process, on average
     */
    record Options(long seed, int hosts, int spawns, int pidSpace, Logs logs, double startLoss, double stopLoss,
                   boolean bootLogged, boolean seedStory, int activities) {
    }

    static final long SYSTEM_LOGON = 0x3e7;
    static final long NETWORK_SERVICE_LOGON = 0x3e4;
    static final String SYSTEM32 = "C:\\Windows\\System32\\";
    static final String POWERSHELL = SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe";
    static final String SCRCONS = SYSTEM32 + "wbem\\scrcons.exe";
    static final Instant EPOCH = Instant.parse("2024-05-06T07:00:00Z");
    private static final long MS = 1_000_000L;

    private final Options options;
    private final SplittableRandom random;
    private final GeneratedEvidence out = new GeneratedEvidence();
    private final List<GeneratedEvidence.Record> pending = new ArrayList<>();

    private ProcessStoryGenerator(Options options) {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
    }

    static GeneratedEvidence generate(Options options) {
        ProcessStoryGenerator generator = new ProcessStoryGenerator(options);
        for (int h = 0; h < options.hosts(); h++) {
            generator.new Host(h).run();
        }
        generator.numberRecords();
        return generator.out;
    }

    private static final class Proc {
        int id;
        int pid;
        String image;
        String commandLine;
        /** The lower-case file name, for the generator's choices. */
        String name;
        long logon;
        String guid;
        int parent;
        long start;
        long end = Long.MAX_VALUE;
        Proc parentProc;
        boolean mustLog;
    }

    private final class Host {
        final int index;
        final String name;
        final long userLogon;
        final Deque<Integer> freed = new ArrayDeque<>();
        final boolean[] used;
        int nextFresh = 2;
        final List<Proc> alive = new ArrayList<>();
        final PriorityQueue<Proc> exits = new PriorityQueue<>(Comparator.comparingLong((Proc p) -> p.end));
        long now;
        long loggingFrom;
        int guidCounter;

        Host(int index) {
            this.index = index;
            this.name = String.format("WS%02d.corp.example", index + 1);
            this.userLogon = 0x5d2a1L + 0x1000L * index;
            this.used = new boolean[options.pidSpace() + 2];
            this.now = (EPOCH.getEpochSecond() + index * 3600L) * 1_000_000_000L;
        }

        void run() {
            loggingFrom = options.bootLogged() ? now - 1 : Long.MAX_VALUE;
            Proc system = spawn(null, "System", "", SYSTEM_LOGON, Long.MAX_VALUE, 4);
            Proc smss = spawn(system, SYSTEM32 + "smss.exe", "\\SystemRoot\\System32\\smss.exe", SYSTEM_LOGON, -1, 0);
            Proc wininit = spawn(smss, SYSTEM32 + "wininit.exe", "wininit.exe", SYSTEM_LOGON, -1, 0);
            Proc services = spawn(wininit, SYSTEM32 + "services.exe", SYSTEM32 + "services.exe", SYSTEM_LOGON, -1, 0);
            spawn(wininit, SYSTEM32 + "lsass.exe", SYSTEM32 + "lsass.exe", SYSTEM_LOGON, -1, 0);
            for (String group : new String[] {"DcomLaunch", "RPCSS", "netsvcs", "LocalServiceNetworkRestricted",
                    "NetworkService"}) {
                spawn(services, SYSTEM32 + "svchost.exe", SYSTEM32 + "svchost.exe -k " + group + " -p",
                        SYSTEM_LOGON, -1, 0);
            }
            Proc winlogon = spawn(smss, SYSTEM32 + "winlogon.exe", "winlogon.exe", SYSTEM_LOGON, -1, 0);
            Proc userinit = spawn(winlogon, SYSTEM32 + "userinit.exe", SYSTEM32 + "userinit.exe", userLogon,
                    now + 3000 * MS, 0);
            spawn(userinit, "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE", userLogon, -1, 0);
            if (!options.bootLogged()) {
                loggingFrom = now + 10 * MS;
            }
            int storyAt = options.seedStory() && index == 0 ? options.spawns() / 2 : -1;
            for (int step = 0; step < options.spawns(); step++) {
                now += 1 + (long) (-Math.log(1 - random.nextDouble()) * 150 * MS);
                processExits();
                if (step == storyAt) {
                    seedStory();
                    continue;
                }
                Proc parent = pickParent();
                String[] child = childOf(parent);
                long logon = logonOf(parent, child[0]);
                spawn(parent, child[0], child[1], logon, now + lifetime(child[0]), 0);
            }
            now += 60_000 * MS;
            processExits();
        }

        /** svchost.exe -k DcomLaunch starts scrcons.exe, which runs the consumer's payload. */
        void seedStory() {
            Proc dcom = alive.stream().filter(p -> p.commandLine.contains("DcomLaunch")).findFirst().orElseThrow();
            Proc scrcons = spawn(dcom, SCRCONS, SCRCONS + " -Embedding", SYSTEM_LOGON, now + 20_000 * MS, 0);
            scrcons.mustLog = true;
            now += 420 * MS;
            Proc payload = spawn(scrcons, POWERSHELL, "powershell.exe -NoP -W Hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoA",
                    SYSTEM_LOGON, now + 15_000 * MS, 0);
            payload.mustLog = true;
        }

        Proc spawn(Proc parent, String image, String commandLine, long logon, long end, int fixedPid) {
            Proc p = new Proc();
            p.id = out.trueParent.size();
            p.parentProc = parent;
            p.parent = parent == null ? -1 : parent.id;
            p.pid = fixedPid != 0 ? fixedPid : allocate();
            p.image = image;
            p.name = Images.baseName(image).toLowerCase(java.util.Locale.ROOT);
            p.commandLine = commandLine;
            p.logon = logon;
            p.start = now;
            p.end = end < 0 ? Long.MAX_VALUE : end;
            p.guid = String.format("{%08X-%04X-%04X-%04X-%012X}", 0x6B8A1C00 + index, (guidCounter >> 16) & 0xFFFF,
                    0x6639, guidCounter & 0xFFFF, 0x1A00L + index);
            guidCounter++;
            out.trueParent.add(p.parent);
            out.trueImage.add(image);
            alive.add(p);
            if (p.end != Long.MAX_VALUE) {
                exits.add(p);
            }
            if (parent != null && now >= loggingFrom) {
                logStart(p);
                logActivities(p);
            }
            now += 5 * MS + random.nextInt(40) * MS;
            return p;
        }

        /** Windows hands out recently freed ids again soon; fresh ones while the table has room. */
        int allocate() {
            int pid;
            if (!freed.isEmpty() && (random.nextDouble() < 0.7 || nextFresh > options.pidSpace())) {
                int pick = Math.min(freed.size() - 1, random.nextInt(4));
                var it = freed.iterator();
                for (int i = 0; i < pick; i++) {
                    it.next();
                }
                pid = it.next();
                it.remove();
            } else if (nextFresh <= options.pidSpace()) {
                pid = nextFresh++;
            } else {
                throw new IllegalStateException("the process id space is full with " + alive.size()
                        + " processes alive: raise pidSpace");
            }
            used[pid] = true;
            return pid * 4;
        }

        /** Windows logs the exit before it frees the id, so an id is handed out again only after its stop event. */
        void processExits() {
            while (!exits.isEmpty() && exits.peek().end + 2 * MS <= now) {
                Proc p = exits.poll();
                alive.remove(p);
                used[p.pid / 4] = false;
                freed.addFirst(p.pid / 4);
                if (p.end >= loggingFrom) {
                    logStop(p);
                }
            }
        }

        Proc pickParent() {
            double total = 0;
            double[] weights = new double[alive.size()];
            for (int i = 0; i < weights.length; i++) {
                boolean exiting = alive.get(i).end <= now;
                weights[i] = exiting ? 0 : weight(alive.get(i).name);
                total += weights[i];
            }
            double r = random.nextDouble() * total;
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r <= 0) {
                    return alive.get(i);
                }
            }
            return alive.get(alive.size() - 1);
        }

        double weight(String name) {
            return switch (name) {
                case "explorer.exe" -> 6;
                case "cmd.exe" -> 4;
                case "powershell.exe" -> 3;
                case "svchost.exe" -> 1.5;
                case "services.exe", "wmiprvse.exe", "chrome.exe" -> 1;
                case "system", "smss.exe", "wininit.exe", "winlogon.exe", "lsass.exe", "userinit.exe",
                        "scrcons.exe" -> 0;
                default -> 0.2;
            };
        }

        String[] childOf(Proc parent) {
            String name = parent.name;
            String[] choices = switch (name) {
                case "explorer.exe" -> new String[] {"chrome", "notepad", "cmd", "powershell", "winword", "mmc",
                        "cmd", "OneDrive"};
                case "cmd.exe" -> new String[] {"conhost", "ipconfig", "whoami", "net", "ping", "findstr",
                        "tasklist", "powershell", "cmd"};
                case "powershell.exe" -> new String[] {"conhost", "whoami", "net", "cmd", "csc", "ipconfig"};
                case "services.exe" -> new String[] {"svchost", "svchost", "msiexec", "TrustedInstaller"};
                case "svchost.exe" -> new String[] {"taskhostw", "WmiPrvSE", "dllhost", "rundll32",
                        "backgroundTaskHost", "sihost"};
                case "wmiprvse.exe" -> new String[] {"cmd", "powershell"};
                case "chrome.exe" -> new String[] {"chrome"};
                case "winword.exe" -> new String[] {"splwow64"};
                default -> new String[] {"conhost"};
            };
            String pick = choices[random.nextInt(choices.length)];
            String image = switch (pick) {
                case "powershell" -> POWERSHELL;
                case "chrome" -> "C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe";
                case "winword" -> "C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE";
                case "OneDrive" -> "C:\\Users\\alice\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe";
                case "WmiPrvSE" -> SYSTEM32 + "wbem\\WmiPrvSE.exe";
                default -> SYSTEM32 + pick + ".exe";
            };
            String args = switch (pick) {
                case "svchost" -> " -k " + new String[] {"netsvcs", "LocalService", "utcsvc", "wsappx"}[random.nextInt(4)];
                case "net" -> " user /domain";
                case "ping" -> " -n 1 10.0.0." + random.nextInt(255);
                case "cmd" -> " /c echo " + random.nextInt(100_000);
                case "chrome" -> " --type=renderer --renderer-client-id=" + random.nextInt(1000) + " --launch-time-ticks="
                        + random.nextInt(1_000_000_000);
                case "powershell" -> " -NoProfile -Command Get-Process";
                default -> "";
            };
            return new String[] {image, "\"" + image + "\"" + args};
        }

        long logonOf(Proc parent, String image) {
            String name = Images.baseName(image).toLowerCase(java.util.Locale.ROOT);
            String parentName = Images.baseName(parent.image).toLowerCase(java.util.Locale.ROOT);
            if (parentName.equals("svchost.exe")) {
                return switch (name) {
                    case "taskhostw.exe", "sihost.exe" -> userLogon;
                    case "wmiprvse.exe" -> NETWORK_SERVICE_LOGON;
                    default -> parent.logon;
                };
            }
            if (parentName.equals("wmiprvse.exe")) {
                return userLogon;
            }
            return parent.logon;
        }

        long lifetime(String image) {
            String name = Images.baseName(image).toLowerCase(java.util.Locale.ROOT);
            double mean = switch (name) {
                case "svchost.exe", "onedrive.exe" -> 600_000;
                case "explorer.exe" -> 3_600_000;
                case "chrome.exe", "winword.exe", "mmc.exe", "notepad.exe", "taskhostw.exe", "sihost.exe" -> 60_000;
                case "wmiprvse.exe" -> 30_000;
                case "cmd.exe", "powershell.exe" -> 8_000;
                default -> 600;
            };
            return 1 + (long) (-Math.log(1 - random.nextDouble()) * mean * MS);
        }

        boolean sysmon() {
            return options.logs() != Logs.SECURITY;
        }

        boolean security() {
            return options.logs() != Logs.SYSMON;
        }

        boolean lost(double share, Proc p) {
            return !p.mustLog && random.nextDouble() < share;
        }

        void logStart(Proc p) {
            Proc parent = p.parentProc;
            if (sysmon() && !lost(options.startLoss(), p)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("UtcTime", utc(p.start));
                d.put("ProcessGuid", p.guid);
                d.put("ProcessId", (long) p.pid);
                d.put("Image", p.image);
                d.put("CommandLine", p.commandLine);
                d.put("User", user(p.logon));
                d.put("LogonId", hex(p.logon));
                d.put("ParentProcessGuid", parent.guid);
                d.put("ParentProcessId", (long) parent.pid);
                d.put("ParentImage", parent.image);
                d.put("ParentCommandLine", parent.commandLine);
                d.put("ParentUser", user(parent.logon));
                add("sysmon", 1, p.start + jitter(3), d, p.id);
            }
            if (security() && !lost(options.startLoss(), p)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("SubjectUserName", userName(parent.logon));
                d.put("SubjectDomainName", domain(parent.logon));
                d.put("SubjectLogonId", hex(parent.logon));
                d.put("NewProcessId", hex(p.pid));
                d.put("NewProcessName", p.image);
                d.put("ProcessId", hex(parent.pid));
                d.put("CommandLine", p.commandLine);
                d.put("TargetUserName", p.logon == parent.logon ? "-" : userName(p.logon));
                d.put("TargetDomainName", p.logon == parent.logon ? "-" : domain(p.logon));
                d.put("TargetLogonId", p.logon == parent.logon ? "0x0" : hex(p.logon));
                d.put("ParentProcessName", parent.image);
                add("security", 4688, p.start + jitter(1), d, p.id);
            }
        }

        void logStop(Proc p) {
            if (sysmon() && !lost(options.stopLoss(), p)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("UtcTime", utc(p.end));
                d.put("ProcessGuid", p.guid);
                d.put("ProcessId", (long) p.pid);
                d.put("Image", p.image);
                add("sysmon", 5, p.end + jitter(2), d, p.id);
            }
            if (security() && !lost(options.stopLoss(), p)) {
                Map<String, Object> d = new LinkedHashMap<>();
                d.put("SubjectUserName", userName(p.logon));
                d.put("SubjectDomainName", domain(p.logon));
                d.put("SubjectLogonId", hex(p.logon));
                d.put("Status", "0x0");
                d.put("ProcessId", hex(p.pid));
                d.put("ProcessName", p.image);
                add("security", 4689, p.end + jitter(1), d, p.id);
            }
        }

        void logActivities(Proc p) {
            int count = options.activities() == 0 ? 0 : random.nextInt(options.activities() * 2 + 1);
            long span = Math.min(p.end, p.start + 60_000 * MS) - p.start;
            for (int i = 0; i < count; i++) {
                long at = p.start + 1 + (long) (random.nextDouble() * Math.max(1, span - 2));
                if (sysmon()) {
                    int id = new int[] {3, 11, 13, 7}[random.nextInt(4)];
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("UtcTime", utc(at));
                    d.put("ProcessGuid", p.guid);
                    d.put("ProcessId", (long) p.pid);
                    d.put("Image", p.image);
                    add("sysmon", id, at + jitter(2), d, p.id);
                } else {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("ProcessID", (long) p.pid);
                    d.put("Application", "\\device\\harddiskvolume2" + p.image.substring(2).toLowerCase(java.util.Locale.ROOT));
                    d.put("Direction", "%%14593");
                    add("security", 5156, at + jitter(1), d, p.id);
                }
                if (p.image.equals(POWERSHELL)) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("Execution_ProcessID", (long) p.pid);
                    d.put("ScriptBlockText", "Get-Process");
                    addTo("powershell", "Microsoft-Windows-PowerShell/Operational", "Microsoft-Windows-PowerShell",
                            4104, at, d, p.id);
                }
            }
        }

        long jitter(int maxMillis) {
            return 100_000L + random.nextLong(maxMillis * MS);
        }

        void add(String log, int eventId, long nanos, Map<String, Object> data, int process) {
            if (log.equals("sysmon")) {
                addTo(log, SightingReader.SYSMON_CHANNEL, SightingReader.SYSMON_PROVIDER, eventId, nanos, data, process);
            } else {
                addTo(log, SightingReader.SECURITY_CHANNEL, SightingReader.SECURITY_PROVIDER, eventId, nanos, data,
                        process);
            }
        }

        void addTo(String log, String channel, String provider, int eventId, long nanos, Map<String, Object> data,
                   int process) {
            Instant time = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L / 100 * 100);
            pending.add(new GeneratedEvidence.Record(name + "-" + log, channel, provider, eventId, name, time, 0, data,
                    process));
        }

        String utc(long nanos) {
            Instant t = Instant.ofEpochSecond(nanos / 1_000_000_000L, nanos % 1_000_000_000L);
            return t.toString().replace('T', ' ').replace("Z", "");
        }

        String user(long logon) {
            return domain(logon) + "\\" + userName(logon);
        }

        String userName(long logon) {
            return logon == SYSTEM_LOGON ? "SYSTEM" : logon == NETWORK_SERVICE_LOGON ? "NETWORK SERVICE" : "alice";
        }

        String domain(long logon) {
            return logon == SYSTEM_LOGON || logon == NETWORK_SERVICE_LOGON ? "NT AUTHORITY" : "CORP";
        }
    }

    static String hex(long value) {
        return "0x" + Long.toHexString(value);
    }

    /** Record ids per log file, in time order, as a log numbers its records. */
    private void numberRecords() {
        pending.sort(Comparator.comparing(GeneratedEvidence.Record::file).thenComparing(GeneratedEvidence.Record::time));
        Map<String, Long> next = new LinkedHashMap<>();
        for (GeneratedEvidence.Record r : pending) {
            long id = next.merge(r.file(), 1L, Long::sum);
            out.records.add(new GeneratedEvidence.Record(r.file(), r.channel(), r.provider(), r.eventId(), r.computer(),
                    r.time(), id, r.data(), r.process()));
        }
    }
}
