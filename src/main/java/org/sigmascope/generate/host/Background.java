package org.sigmascope.generate.host;

import java.util.List;
import java.util.Locale;

import org.sigmascope.generate.event.Schemas;

/**
 * Everyday activity of a host: users starting applications and console tools, Windows starting service helpers,
 * programs resolving names and connecting, writing files and registry values, Defender opening processes, network
 * logons from servers. One activity at a time, at a rate that adapts so the host's event quota is spent over the
 * simulated window.
 */
public final class Background {
    private static final String SYSTEM32 = Boot.SYSTEM32;
    private static final String LSASS_TRACE = "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\"
            + "KERNELBASE.dll+2c13e|C:\\Windows\\system32\\lsasrv.dll+5a7e1|UNKNOWN(00007FFB3A1C2F31)";
    private static final String SCAN_TRACE = "C:\\Windows\\SYSTEM32\\ntdll.dll+9d4c4|C:\\Windows\\System32\\"
            + "KERNELBASE.dll+2c13e|C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\"
            + "mpsvc.dll+1b2f3a";

    private final HostSim sim;
    private final long end;
    private long activities;

    private Background(HostSim sim, long end) {
        this.sim = sim;
        this.end = end;
    }

    /** Starts the activity at {@code start}; it spreads the host's quota until about {@code end}. */
    public static void schedule(HostSim sim, long start, long end) {
        Background background = new Background(sim, end);
        sim.at(start, background::tick);
    }

    private void tick() {
        if (sim.backgroundDone()) {
            return;
        }
        long before = sim.backgroundEmitted();
        activity(sim.random.nextInt(100));
        activities++;
        long remaining = sim.backgroundQuota() - sim.backgroundEmitted();
        if (remaining <= 0) {
            return;
        }
        double perActivity = Math.max(1.0, (double) sim.backgroundEmitted() / activities);
        long timeLeft = Math.max(Ticks.SECOND, end - sim.now());
        double meanGap = Math.max(Ticks.MILLISECOND, timeLeft * perActivity / remaining);
        long gap = (long) (-Math.log(1 - sim.random.nextDouble()) * meanGap);
        if (before == sim.backgroundEmitted() && gap < Ticks.MILLISECOND) {
            gap = Ticks.MILLISECOND;
        }
        sim.at(sim.now() + Math.max(100, gap), this::tick);
    }

    private void activity(int roll) {
        long t = sim.now();
        if (sim.explorer == null || roll < 10) {
            serviceHelper(t);
        } else if (roll < 22) {
            userApp(t);
        } else if (roll < 27) {
            shellCommand(t);
        } else if (roll < 29) {
            userPowerShell(t);
        } else if (roll < 55) {
            network(t);
        } else if (roll < 67) {
            file(t);
        } else if (roll < 80) {
            registry(t);
        } else if (roll < 88) {
            access(t);
        } else if (roll < 93) {
            networkLogon(t);
        } else {
            serviceHelper(t);
        }
    }

    private void userApp(long t) {
        Apps app = Apps.USER.get(sim.random.nextInt(Apps.USER.size()));
        String user = sim.host.user().name();
        SimProcess p = sim.spawn(sim.explorer, t, app.image(user), app.commandLine(user),
                "C:\\Users\\" + user + "\\", sim.userSession, "Medium");
        long at = t + sim.millis(20, 120);
        Effects.imageLoad(sim, p, at, SYSTEM32 + "ntdll.dll");
        Effects.imageLoad(sim, p, at + sim.millis(1, 10), SYSTEM32 + "KernelBase.dll");
        if (!app.domains().isEmpty()) {
            Effects.connect(sim, p, at + sim.millis(200, 2000),
                    app.domains().get(sim.random.nextInt(app.domains().size())), 443);
        }
        sim.exitAfter(p, Ticks.MINUTE * (1 + sim.random.nextInt(app.minutes())) + sim.millis(0, 59_000));
    }

    private void shellCommand(long t) {
        String user = sim.host.user().name();
        String command = Apps.COMMANDS.get(sim.random.nextInt(Apps.COMMANDS.size()));
        SimProcess cmd = sim.spawn(sim.explorer, t, SYSTEM32 + "cmd.exe", "\"C:\\Windows\\system32\\cmd.exe\"",
                "C:\\Users\\" + user + "\\", sim.userSession, "Medium");
        long at = t + sim.millis(30, 80);
        SimProcess conhost = sim.spawn(cmd, at, SYSTEM32 + "conhost.exe", "\\??\\C:\\Windows\\system32\\conhost.exe 0xffffffff -ForceV1",
                "C:\\Windows\\system32\\", sim.userSession, "Medium");
        long typed = at + sim.millis(2000, 15000);
        String exe = command.substring(0, command.indexOf(' ') < 0 ? command.length() : command.indexOf(' '));
        String image = SYSTEM32 + (exe.equals("ping") ? "PING.EXE" : exe + ".exe");
        SimProcess tool = sim.spawn(cmd, typed, image, command, "C:\\Users\\" + user + "\\", sim.userSession,
                "Medium");
        sim.exitAfter(tool, sim.millis(50, 4000));
        long done = typed + sim.millis(10_000, 120_000);
        sim.at(done, () -> sim.exit(conhost, sim.now()));
        SimProcess shell = cmd;
        sim.at(done, () -> sim.exit(shell, sim.now()));
    }

    private void userPowerShell(long t) {
        String user = sim.host.user().name();
        SimProcess ps = sim.spawn(sim.explorer, t, SYSTEM32 + "WindowsPowerShell\\v1.0\\powershell.exe",
                "\"C:\\Windows\\System32\\WindowsPowerShell\\v1.0\\powershell.exe\"", "C:\\Users\\" + user + "\\",
                sim.userSession, "Medium");
        long at = t + sim.millis(3000, 20000);
        Effects.scriptBlock(sim, ps, at, Apps.POWERSHELL.get(sim.random.nextInt(Apps.POWERSHELL.size())));
        sim.exitAfter(ps, sim.millis(30_000, 600_000));
    }

    private void serviceHelper(long t) {
        int pick = sim.random.nextInt(6);
        LogonSession system = sim.systemSession;
        SimProcess p;
        switch (pick) {
            case 0 -> p = sim.spawn(sim.dcomLaunch, t, SYSTEM32 + "wbem\\WmiPrvSE.exe",
                    "C:\\Windows\\system32\\wbem\\wmiprvse.exe -secured -Embedding", "C:\\Windows\\system32\\",
                    new LogonSession(Account.NETWORK_SERVICE, 0x3e4, sim.logonGuid(0, 0x3e4), false), "System");
            case 1 -> p = sim.spawn(sim.netsvcs, t, SYSTEM32 + "taskhostw.exe", "taskhostw.exe",
                    "C:\\Windows\\system32\\", sim.userSession != null ? sim.userSession : system, "Medium");
            case 2 -> p = sim.spawn(sim.searchIndexer, t, SYSTEM32 + "SearchProtocolHost.exe",
                    "\"C:\\Windows\\system32\\SearchProtocolHost.exe\" Global\\UsGthrFltPipeMssGthrPipe5_ "
                            + "Global\\UsGthrCtrlFltPipeMssGthrPipe5 1 -2147483646 \"Software\\Microsoft\\Windows Search\" "
                            + "\"Mozilla/4.0 (compatible; MSIE 6.0; Windows NT; MS Search 4.0 Robot)\" "
                            + "\"C:\\ProgramData\\Microsoft\\Search\\Data\\Temp\\usgthrsvc\" \"DownLevelDaemon\"",
                    "C:\\Windows\\system32\\", system, "System");
            case 3 -> p = sim.spawn(sim.dcomLaunch, t, SYSTEM32 + "backgroundTaskHost.exe",
                    "\"C:\\Windows\\system32\\backgroundTaskHost.exe\" -ServerName:BackgroundTaskHost.WebAccountProvider",
                    "C:\\Windows\\system32\\", sim.userSession != null ? sim.userSession : system, "Low");
            case 4 -> p = sim.spawn(sim.netsvcs, t, SYSTEM32 + "compattelrunner.exe",
                    "C:\\Windows\\system32\\compattelrunner.exe -maintenance", "C:\\Windows\\system32\\", system,
                    "System");
            default -> p = sim.spawn(sim.dcomLaunch, t, SYSTEM32 + "dllhost.exe",
                    "C:\\Windows\\system32\\DllHost.exe /Processid:{AB8902B4-09CA-4BB6-B78D-A8F59079A8D5}",
                    "C:\\Windows\\system32\\", sim.userSession != null ? sim.userSession : system, "Medium");
        }
        sim.exitAfter(p, sim.millis(500, 90_000));
    }

    private void network(long t) {
        SimProcess p = sim.pick(x -> x.terminalSessionId() == 1 || x.fileName().equalsIgnoreCase("svchost.exe")
                || x.fileName().equalsIgnoreCase("MsMpEng.exe"));
        if (p == null) {
            return;
        }
        List<String> domains = p.account().isService() || p.session() == sim.systemSession ? Apps.SYSTEM_DOMAINS
                : Apps.USER.get(Math.floorMod(p.image().hashCode(), Apps.USER.size())).domains();
        if (domains.isEmpty()) {
            domains = Apps.SYSTEM_DOMAINS;
        }
        String domain = domains.get(sim.random.nextInt(domains.size()));
        Effects.connect(sim, p, t, domain, domain.startsWith("time.") ? 123 : domain.startsWith("dc01") ? 445 : 443);
    }

    private void file(long t) {
        SimProcess p = sim.pick(x -> x.terminalSessionId() == 1 && !x.fileName().equalsIgnoreCase("conhost.exe"));
        String user = sim.host.user().name();
        if (p == null) {
            return;
        }
        String name = p.fileName().toLowerCase(Locale.ROOT);
        String path = switch (sim.random.nextInt(4)) {
            case 0 -> "C:\\Users\\" + user + "\\AppData\\Local\\Temp\\" + name.replace(".exe", "")
                    + "_" + Long.toHexString(sim.random.nextLong() & 0xffffffL) + ".tmp";
            case 1 -> "C:\\Users\\" + user + "\\AppData\\Roaming\\Microsoft\\Windows\\Recent\\"
                    + "Quarterly report.docx.lnk";
            case 2 -> "C:\\Users\\" + user + "\\Downloads\\invoice-" + (1000 + sim.random.nextInt(9000)) + ".pdf";
            default -> "C:\\Users\\" + user + "\\Documents\\notes-" + (1 + sim.random.nextInt(30)) + ".txt";
        };
        Effects.fileCreate(sim, p, t, path);
    }

    private void registry(long t) {
        String sid = sim.host.user().sid();
        if (sim.random.nextBoolean() && sim.explorer != null) {
            Effects.registryValue(sim, sim.explorer, t, "HKU\\" + sid + "\\Software\\Microsoft\\Windows\\CurrentVersion"
                    + "\\Explorer\\RecentDocs\\.docx\\" + sim.random.nextInt(20), "Binary Data");
            return;
        }
        SimProcess p = sim.pick(x -> x.fileName().equalsIgnoreCase("svchost.exe"));
        if (p == null) {
            return;
        }
        if (sim.random.nextInt(4) == 0) {
            Effects.registryKey(sim, p, t, "HKLM\\SOFTWARE\\Microsoft\\Windows NT\\CurrentVersion\\Schedule\\TaskCache"
                    + "\\Tree\\Microsoft\\Windows\\UpdateOrchestrator\\Schedule Scan");
        } else {
            Effects.registryValue(sim, p, t, "HKLM\\System\\CurrentControlSet\\Services\\bam\\State\\UserSettings\\"
                    + sid + "\\\\Device\\HarddiskVolume3\\Windows\\System32\\notepad.exe", "Binary Data");
        }
    }

    private void access(long t) {
        if (sim.random.nextInt(3) == 0) {
            SimProcess source = sim.pick(x -> x.fileName().equalsIgnoreCase("svchost.exe"));
            if (source != null && sim.lsass != null) {
                Effects.processAccess(sim, source, sim.lsass, t, 0x1000, LSASS_TRACE);
            }
            return;
        }
        SimProcess target = sim.pick(x -> x.terminalSessionId() == 1);
        if (target != null && sim.defender != null) {
            Effects.processAccess(sim, sim.defender, target, t, 0x101000, SCAN_TRACE);
        }
    }

    private void networkLogon(long t) {
        String server = sim.random.nextBoolean() ? "FS01" : "DC01";
        String domainSid = sim.host.user().sid().substring(0, sim.host.user().sid().lastIndexOf('-'));
        Account machine = new Account("CORP", server + "$", domainSid + (server.equals("DC01") ? "-1000" : "-1103"), 0);
        long logonId = 0x1000000L + sim.random.nextInt(0x7fffff);
        LogonSession session = new LogonSession(machine, logonId, Effects.randomGuid(sim), false);
        sim.logon(t,
                SecurityEvents.logon(sim.host, null, session, 3, "Kerberos", "Kerberos", "-", 0, "-",
                        Effects.addressOf(server.toLowerCase(Locale.ROOT) + ".corp.example"),
                        Integer.toString(49152 + sim.random.nextInt(16000)), 0));
    }
}
