package org.sigmascope.generate.host;

import java.util.Locale;

import org.sigmascope.generate.event.Schemas;
import org.sigmascope.generate.event.WinGuid;

/**
 * What a running process does that Sysmon and other logs see: DNS queries and connections, files, registry
 * values, image loads, opening other processes, script blocks. Events go to logs the host has.
 */
public final class Effects {
    private Effects() {
    }

    private static boolean sysmon(HostSim sim) {
        return sim.host.audit().sysmon();
    }

    private static void sysmonEvent(HostSim sim, org.sigmascope.generate.event.EventSchema schema, long at,
                                    Object[] values) {
        if (sysmon(sim)) {
            sim.emit(schema, at + sim.millis(1, 5), sim.sysmonPid, sim.sysmonThread(), Account.SYSTEM.sid(),
                    null, values);
        }
    }

    /**
     * A DNS query and, 10–80 ms later, a connection to the answer (no query when given an address); returns when
     * the connection was made.
     */
    static long connect(HostSim sim, SimProcess p, long at, String domain, long port) {
        boolean literal = Character.isDigit(domain.charAt(domain.length() - 1));
        String ip = literal ? domain : addressOf(domain);
        long connected = at;
        if (!literal) {
            sysmonEvent(sim, Schemas.SYSMON_DNS, at, SysmonEvents.dns(p, at, domain, "::ffff:" + ip + ";"));
            connected += sim.millis(10, 80);
        }
        sysmonEvent(sim, Schemas.SYSMON_NETWORK, connected, SysmonEvents.network(p, connected, sim.host.ip(),
                sim.host.fqdn(), 49152 + sim.random.nextInt(16000), ip, domain.endsWith(".corp.example") ? domain : "-",
                port, port == 443 ? "https" : port == 80 ? "http" : port == 445 ? "microsoft-ds" : "-"));
        return connected;
    }

    static void fileCreate(HostSim sim, SimProcess p, long at, String path) {
        sysmonEvent(sim, Schemas.SYSMON_FILE_CREATE, at, SysmonEvents.fileCreate(p, at, path));
    }

    static void registryValue(HostSim sim, SimProcess p, long at, String key, String details) {
        sysmonEvent(sim, Schemas.SYSMON_REGISTRY_VALUE, at, SysmonEvents.registryValue(p, at, key, details));
    }

    static void registryKey(HostSim sim, SimProcess p, long at, String key) {
        sysmonEvent(sim, Schemas.SYSMON_REGISTRY_KEY, at, SysmonEvents.registryKey(p, at, key));
    }

    static void imageLoad(HostSim sim, SimProcess p, long at, String dll) {
        sysmonEvent(sim, Schemas.SYSMON_IMAGE_LOAD, at, SysmonEvents.imageLoad(p, at, dll));
    }

    static void processAccess(HostSim sim, SimProcess source, SimProcess target, long at, long access,
                              String callTrace) {
        sysmonEvent(sim, Schemas.SYSMON_PROCESS_ACCESS, at, SysmonEvents.processAccess(source,
                source.pid() + 4 + 4L * sim.random.nextInt(40), target, at, access, callTrace));
    }

    /** A PowerShell script block (4104), logged by the powershell.exe process itself on every host. */
    static void scriptBlock(HostSim sim, SimProcess powershell, long at, String script) {
        WinGuid id = randomGuid(sim);
        sim.emit(Schemas.POWERSHELL_SCRIPT_BLOCK, at, powershell.pid(), powershell.pid() + 1388,
                powershell.account().sid(), randomGuid(sim), new Object[] {1L, 1L, script,
                    id.text().toLowerCase(Locale.ROOT), ""});
    }

    static WinGuid randomGuid(HostSim sim) {
        return new WinGuid(sim.random.nextInt(), (short) sim.random.nextInt(), (short) (0x4000 | sim.random.nextInt(0x1000)),
                (sim.random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L);
    }

    /** A stable public-looking address per name; corp names resolve inside 10.20.0.0/16. */
    static String addressOf(String domain) {
        int h = domain.hashCode();
        if (domain.endsWith(".corp.example")) {
            return "10.20.0." + (2 + Math.floorMod(h, 40));
        }
        return (13 + Math.floorMod(h, 150)) + "." + Math.floorMod(h >>> 8, 250) + "." + Math.floorMod(h >>> 16, 250)
                + "." + (1 + Math.floorMod(h >>> 24, 250));
    }
}
