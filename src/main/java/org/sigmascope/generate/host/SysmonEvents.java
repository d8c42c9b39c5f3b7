package org.sigmascope.generate.host;

import org.sigmascope.generate.event.Schemas;

/**
 * Builds the values of Sysmon events, in the field order of the Sysmon 15 manifest (see {@link Schemas}).
 * Every Sysmon event is logged by Sysmon64.exe as SYSTEM; {@code UtcTime} is when the thing happened, a little
 * before the event's {@code TimeCreated}.
 */
final class SysmonEvents {
    private static final String RULE = "-";

    private SysmonEvents() {
    }

    static Object[] processCreate(SimProcess p) {
        SimProcess parent = p.parent();
        ImageInfo info = p.info();
        return new Object[] {RULE, Ticks.sysmonText(p.startTicks()), p.guid(), p.pid(), p.image(),
            info.fileVersion(), info.description(), info.product(), info.company(), info.originalFileName(),
            p.commandLine(), p.directory(), p.account().qualified(), p.session().guid(), p.session().logonId(),
            p.terminalSessionId(), p.integrity(), info.hashes(), parent.guid(), parent.pid(), parent.image(),
            parent.commandLine(), parent.account().qualified()};
    }

    static Object[] processTerminate(SimProcess p, long at) {
        return new Object[] {RULE, Ticks.sysmonText(at), p.guid(), p.pid(), p.image(), p.account().qualified()};
    }

    static Object[] network(SimProcess p, long at, String sourceIp, String sourceHost, long sourcePort,
                            String destinationIp, String destinationHost, long destinationPort, String portName) {
        return new Object[] {RULE, Ticks.sysmonText(at), p.guid(), p.pid(), p.image(), p.account().qualified(),
            "tcp", Boolean.TRUE, Boolean.FALSE, sourceIp, sourceHost, sourcePort, "-", Boolean.FALSE, destinationIp,
            destinationHost, destinationPort, portName};
    }

    static Object[] dns(SimProcess p, long at, String query, String results) {
        return new Object[] {RULE, Ticks.sysmonText(at), p.guid(), p.pid(), query, "0", results, p.image(),
            p.account().qualified()};
    }

    static Object[] imageLoad(SimProcess p, long at, String dll) {
        ImageInfo info = ImageInfo.of(dll);
        return new Object[] {RULE, Ticks.sysmonText(at), p.guid(), p.pid(), p.image(), dll, info.fileVersion(),
            info.description(), info.product(), info.company(), info.originalFileName(), info.hashes(), "true",
            "Microsoft Windows", "Valid", p.account().qualified()};
    }

    static Object[] processAccess(SimProcess source, long threadId, SimProcess target, long at, long access,
                                  String callTrace) {
        return new Object[] {RULE, Ticks.sysmonText(at), source.guid(), source.pid(), threadId, source.image(),
            target.guid(), target.pid(), target.image(), access, callTrace, source.account().qualified(),
            target.account().qualified()};
    }

    static Object[] fileCreate(SimProcess p, long at, String path) {
        String time = Ticks.sysmonText(at);
        return new Object[] {RULE, time, p.guid(), p.pid(), p.image(), path, time, p.account().qualified()};
    }

    static Object[] registryKey(SimProcess p, long at, String key) {
        return new Object[] {RULE, "CreateKey", Ticks.sysmonText(at), p.guid(), p.pid(), p.image(), key,
            p.account().qualified()};
    }

    static Object[] registryValue(SimProcess p, long at, String key, String details) {
        return new Object[] {RULE, "SetValue", Ticks.sysmonText(at), p.guid(), p.pid(), p.image(), key, details,
            p.account().qualified()};
    }

    static Object[] wmiFilter(Account user, long at, String namespace, String name, String query) {
        return new Object[] {RULE, "WmiFilterEvent", Ticks.sysmonText(at), "Created", user.qualified(),
            quoted(namespace), quoted(name), quoted(query)};
    }

    static Object[] wmiConsumer(Account user, long at, String name, String type, String destination) {
        return new Object[] {RULE, "WmiConsumerEvent", Ticks.sysmonText(at), "Created", user.qualified(),
            quoted(name), type, quoted(destination)};
    }

    static Object[] wmiBinding(Account user, long at, String consumer, String filter) {
        return new Object[] {RULE, "WmiBindingEvent", Ticks.sysmonText(at), "Created", user.qualified(),
            quoted("\\\\.\\ROOT\\subscription:" + consumer), quoted("\\\\.\\ROOT\\subscription:" + filter)};
    }

    /** Sysmon quotes WMI names and queries; the leading space it also writes is left out (see docs/generator.md). */
    private static String quoted(String text) {
        return "\"" + text + "\"";
    }
}
