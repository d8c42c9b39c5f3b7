package org.sigmascope.generate.host;

import org.sigmascope.generate.event.Schemas;
import org.sigmascope.generate.event.WinGuid;

/**
 * A host's boot and its user's logon, as Windows 10 does them: System → smss → (smss per session) → csrss,
 * wininit → services, lsass → svchost groups and services; winlogon → LogonUI, dwm; then the interactive logon
 * (4624 type 2, split token for administrators) and winlogon → userinit → explorer.
 */
public final class Boot {
    static final String SYSTEM32 = "C:\\Windows\\System32\\";
    static final String DEFENDER = "C:\\ProgramData\\Microsoft\\Windows Defender\\Platform\\4.18.24010.12-0\\";

    private Boot() {
    }

    public static void schedule(HostSim sim, long bootTime) {
        sim.at(bootTime, () -> boot(sim));
        sim.at(bootTime + 45 * Ticks.SECOND + sim.random.nextLong(60 * Ticks.SECOND), () -> logon(sim));
    }

    private static void boot(HostSim sim) {
        long t = sim.now();
        sim.systemSession = new LogonSession(Account.SYSTEM, 0x3e7,
                new WinGuid(sim.host.sysmonId(), (short) 0, (short) 0,
                        Long.reverseBytes(0x3e7)), false);
        LogonSession system = sim.systemSession;
        sim.sysmonPid = sim.reservePid();
        sim.system = new SimProcess(4, sim.processGuid(t - Ticks.SECOND), "System", "", "", system, "System", 0,
                null, t - Ticks.SECOND, ImageInfo.of("System"), false);
        SimProcess smss = sim.spawn(sim.system, t, "C:\\Windows\\System32\\smss.exe",
                "\\SystemRoot\\System32\\smss.exe", "C:\\Windows\\system32\\", system, "System");
        t += sim.millis(150, 400);
        SimProcess wininit = session(sim, smss, t, "000000c0", "wininit.exe");
        t += sim.millis(100, 250);
        sim.winlogon = session(sim, smss, t, "000000c8", "winlogon.exe");
        t += sim.millis(30, 90);
        sim.services = sim.spawn(wininit, t, SYSTEM32 + "services.exe", "C:\\Windows\\system32\\services.exe",
                "C:\\Windows\\system32\\", system, "System");
        t += sim.millis(1, 5);
        sim.lsass = sim.spawn(wininit, t, SYSTEM32 + "lsass.exe", "C:\\Windows\\system32\\lsass.exe",
                "C:\\Windows\\system32\\", system, "System");
        t += sim.millis(5, 30);
        sim.spawn(wininit, t, SYSTEM32 + "fontdrvhost.exe", "\"fontdrvhost.exe\"", "C:\\Windows\\system32\\",
                system, "Low");
        t += sim.millis(5, 30);
        SimProcess logonUi = sim.spawn(sim.winlogon, t, SYSTEM32 + "LogonUI.exe",
                "\"LogonUI.exe\" /flags:0x2 /state0:0xa39c4855 /state1:0x41c64e6d", "C:\\Windows\\system32\\", system,
                "System");
        sim.at(t + 50 * Ticks.SECOND, () -> sim.exit(logonUi, sim.now()));
        t += sim.millis(5, 30);
        sim.spawn(sim.winlogon, t, SYSTEM32 + "dwm.exe", "\"dwm.exe\"", "C:\\Windows\\system32\\", system, "System");
        t = serviceLogon(sim, t);
        t = services(sim, t);
    }

    /**
     * smss.exe starts a copy of itself per session, which starts csrss.exe and the session's first program
     * (wininit.exe in session 0, winlogon.exe in session 1), then exits.
     */
    private static SimProcess session(HostSim sim, SimProcess smss, long t, String session, String program) {
        LogonSession system = sim.systemSession;
        SimProcess instance = sim.spawn(smss, t, SYSTEM32 + "smss.exe", "\\SystemRoot\\System32\\smss.exe " + session
                + " 00000084", "C:\\Windows\\system32\\", system, "System");
        t += sim.millis(20, 60);
        sim.spawn(instance, t, SYSTEM32 + "csrss.exe", csrss(), "C:\\Windows\\system32\\", system, "System");
        t += sim.millis(20, 60);
        SimProcess first = sim.spawn(instance, t, SYSTEM32 + program, program, "C:\\Windows\\system32\\", system,
                "System");
        sim.exit(instance, t + sim.millis(5, 20));
        return first;
    }

    private static long serviceLogon(HostSim sim, long t) {
        sim.logon(t + sim.millis(1, 10),
                SecurityEvents.logon(sim.host, Account.SYSTEM, sim.systemSession, 5, "Advapi", "Negotiate", "-",
                        sim.services.pid(), SYSTEM32 + "services.exe", "-", "-", 0));
        return t + sim.millis(20, 80);
    }

    private static long services(HostSim sim, long t) {
        LogonSession system = sim.systemSession;
        LogonSession local = new LogonSession(Account.LOCAL_SERVICE, 0x3e5, sim.logonGuid(0, 0x3e5), false);
        LogonSession network = new LogonSession(Account.NETWORK_SERVICE, 0x3e4, sim.logonGuid(0, 0x3e4), false);
        String dir = "C:\\Windows\\system32\\";
        SimProcess s = sim.services;
        sim.dcomLaunch = sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\system32\\svchost.exe -k DcomLaunch -p", dir, system, "System");
        sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe", "C:\\Windows\\system32\\svchost.exe -k RPCSS -p",
                dir, network, "System");
        sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\System32\\svchost.exe -k LocalServiceNetworkRestricted -p", dir, local, "System");
        sim.netsvcs = sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", dir, system, "System");
        sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\system32\\svchost.exe -k LocalService -p", dir, local, "System");
        sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\System32\\svchost.exe -k NetworkService -p", dir, network, "System");
        sim.spawn(s, t += sim.millis(20, 60), SYSTEM32 + "svchost.exe",
                "C:\\Windows\\System32\\svchost.exe -k LocalSystemNetworkRestricted -p", dir, system, "System");
        sim.spawn(s, t += sim.millis(50, 150), SYSTEM32 + "spoolsv.exe", "C:\\Windows\\System32\\spoolsv.exe", dir,
                system, "System");
        sim.sysmon = sim.spawn(s, t += sim.millis(50, 150), sim.sysmonPid, "C:\\Windows\\Sysmon64.exe", "C:\\Windows\\Sysmon64.exe",
                dir, system, "System");
        sim.defender = sim.spawn(s, t += sim.millis(50, 150), DEFENDER + "MsMpEng.exe",
                "\"" + DEFENDER + "MsMpEng.exe\"", dir, system, "System");
        sim.searchIndexer = sim.spawn(s, t += sim.millis(200, 900), SYSTEM32 + "SearchIndexer.exe",
                "C:\\Windows\\system32\\SearchIndexer.exe /Embedding", dir, system, "System");
        sim.emit(Schemas.WMI_CONSUMER_BINDING, t += sim.millis(500, 3000), sim.netsvcs.pid(), 1036,
                Account.SYSTEM.sid(), null, new Object[] {"//./root/subscription", "SCM Event Log Filter",
                    "NTEventLogEventConsumer=\"SCM Event Log Consumer\"",
                    "Binding EventFilter: \ninstance of __EventFilter\n{\n\tCreatorSID = {1, 2, 0, 0, 0, 0, 0, 5, 32, 0, "
                        + "0, 0, 32, 2, 0, 0};\n\tEventNamespace = \"root\\\\cimv2\";\n\tName = \"SCM Event Log Filter\";"
                        + "\n\tQuery = \"select * from MSFT_SCMEventLogEvent\";\n\tQueryLanguage = \"WQL\";\n};\n"
                        + "Perm. Consumer: \ninstance of NTEventLogEventConsumer\n{\n\tCategory = 0;\n\tCreatorSID = "
                        + "{1, 2, 0, 0, 0, 0, 0, 5, 32, 0, 0, 0, 32, 2, 0, 0};\n\tEventType = 1;\n\tName = \"SCM Event "
                        + "Log Consumer\";\n\tNameOfUserSIDProperty = \"sid\";\n\tSourceName = \"Service Control "
                        + "Manager\";\n};"});
        return t;
    }

    /** The interactive logon: 4624 type 2 (two, linked, for an administrator's split token), then the shell. */
    private static void logon(HostSim sim) {
        long t = sim.now();
        HostIdentity host = sim.host;
        long logonId = 0x40000L + sim.random.nextInt(0x3fffff);
        LogonSession limited = new LogonSession(host.user(), logonId, sim.logonGuid(t, logonId), false);
        LogonSession session = limited;
        long linked = 0;
        if (host.admin()) {
            LogonSession elevated = new LogonSession(host.user(), logonId + 0x1c, sim.logonGuid(t, logonId + 0x1c),
                    true);
            linked = elevated.logonId();
            sim.elevatedSession = elevated;
            sim.logon(t,
                    SecurityEvents.logon(host, Account.SYSTEM, elevated, 2, "User32", "Negotiate", host.name(),
                            sim.winlogon.pid(), SYSTEM32 + "winlogon.exe", "127.0.0.1", "0", logonId));
        }
        sim.logon(t + 20,
                SecurityEvents.logon(host, Account.SYSTEM, session, 2, "User32", "Negotiate", host.name(),
                        sim.winlogon.pid(), SYSTEM32 + "winlogon.exe", "127.0.0.1", "0", linked));
        sim.userSession = session;
        String profile = "C:\\Users\\" + host.user().name();
        t += sim.millis(300, 900);
        SimProcess userinit = sim.spawn(sim.winlogon, t, SYSTEM32 + "userinit.exe", "C:\\Windows\\system32\\userinit.exe",
                "C:\\Windows\\system32\\", session, "Medium");
        t += sim.millis(200, 600);
        sim.explorer = sim.spawn(userinit, t, "C:\\Windows\\explorer.exe", "C:\\Windows\\Explorer.EXE",
                "C:\\Windows\\system32\\", session, "Medium");
        sim.exit(userinit, t + sim.millis(100, 900));
        t += sim.millis(100, 400);
        sim.spawn(sim.netsvcs, t, SYSTEM32 + "sihost.exe", "sihost.exe", "C:\\Windows\\system32\\", session, "Medium");
        t += sim.millis(100, 400);
        sim.spawn(sim.dcomLaunch, t, SYSTEM32 + "RuntimeBroker.exe", "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding",
                "C:\\Windows\\system32\\", session, "Medium");
        t += sim.millis(500, 2000);
        sim.spawn(sim.explorer, t, "C:\\Users\\" + host.user().name()
                + "\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe",
                "\"" + profile + "\\AppData\\Local\\Microsoft\\OneDrive\\OneDrive.exe\" /background", profile,
                session, "Medium");
    }

    private static String csrss() {
        return "%SystemRoot%\\system32\\csrss.exe ObjectDirectory=\\Windows SharedSection=1024,20480,768 Windows=On "
                + "SubSystemType=Windows ServerDll=basesrv,1 ServerDll=winsrv:UserServerDllInitialization,3 "
                + "ServerDll=sxssrv,4 ProfileControl=Off MaxRequestThreads=16";
    }
}
