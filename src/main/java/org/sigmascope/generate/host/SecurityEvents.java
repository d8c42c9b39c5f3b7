package org.sigmascope.generate.host;

/**
 * Builds the values of Security auditing events (4624, 4688, 4689, 4698) in the field order of Windows 10.
 */
final class SecurityEvents {
    static final String NULL_SID = "S-1-0-0";

    private SecurityEvents() {
    }

    /** 4688: the subject is the creator (the parent's token); the target is set when the new process runs as
     *  another logon (userinit started by winlogon, a service started as LOCAL SERVICE …). */
    static Object[] processCreate(HostIdentity host, SimProcess p, boolean commandLine) {
        SimProcess parent = p.parent();
        LogonSession creator = parent.session();
        boolean otherLogon = creator.logonId() != p.session().logonId();
        return new Object[] {creator.account().sid(), subjectName(host, creator.account()),
            subjectDomain(host, creator.account()), creator.logonId(), p.pid(), p.image(), elevation(p),
            parent.pid(), commandLine ? p.commandLine() : "",
            otherLogon ? p.account().sid() : NULL_SID, otherLogon ? p.account().name() : "-",
            otherLogon ? p.account().domain() : "-", otherLogon ? p.session().logonId() : 0L,
            parent.image(), p.mandatoryLabel()};
    }

    static Object[] processExit(HostIdentity host, SimProcess p) {
        return new Object[] {p.account().sid(), subjectName(host, p.account()), subjectDomain(host, p.account()),
            p.session().logonId(), 0L, p.pid(), p.image()};
    }

    static Object[] taskCreated(HostIdentity host, LogonSession session, String taskName, String taskXml) {
        return new Object[] {session.account().sid(), subjectName(host, session.account()),
            subjectDomain(host, session.account()), session.logonId(), taskName, taskXml};
    }

    /**
     * 4624. {@code subject} is who asked for the logon (SYSTEM for interactive and service logons, nobody for
     * network logons).
     */
    static Object[] logon(HostIdentity host, Account subject, LogonSession target, int logonType,
                          String logonProcess, String package_, String workstation, long processId,
                          String processName, String ip, String port, long linkedLogonId) {
        boolean network = logonType == 3;
        return new Object[] {subject == null ? NULL_SID : subject.sid(),
            subject == null ? "-" : subjectName(host, subject), subject == null ? "-" : subjectDomain(host, subject),
            subject == null ? 0L : subject.logonId(), target.account().sid(), target.account().name(),
            target.account().domain(), target.logonId(), (long) logonType, logonProcess, package_, workstation,
            target.guid(), "-", "-", 0L, processId, processName, ip, port, "%%1833", "-", "-", "-", "%%1843",
            linkedLogonId, target.elevated() || target.account().isService() || network ? "%%1842" : "%%1843"};
    }

    /** SYSTEM appears in Security events as the computer account. */
    static String subjectName(HostIdentity host, Account account) {
        return account == Account.SYSTEM ? host.machineAccount() : account.name();
    }

    static String subjectDomain(HostIdentity host, Account account) {
        return account == Account.SYSTEM ? host.domain() : account.domain();
    }

    /** %%1936 full token (services, UAC off), %%1937 elevated, %%1938 limited. */
    private static String elevation(SimProcess p) {
        if (p.account().isService()) {
            return "%%1936";
        }
        return p.session().elevated() ? "%%1937" : "%%1938";
    }
}
