package org.sigmascope.generate.host;

/**
 * A Windows account as events name it.
 *
 * @param domain  the domain or authority ({@code NT AUTHORITY}, {@code CORP})
 * @param name    the account name
 * @param sid     its SID
 * @param logonId the logon id of its session ({@code 0x3e7} for SYSTEM), or 0 for user accounts whose sessions
 *                are made at logon
 */
public record Account(String domain, String name, String sid, long logonId) {
    public static final Account SYSTEM = new Account("NT AUTHORITY", "SYSTEM", "S-1-5-18", 0x3e7);
    public static final Account LOCAL_SERVICE = new Account("NT AUTHORITY", "LOCAL SERVICE", "S-1-5-19", 0x3e5);
    public static final Account NETWORK_SERVICE = new Account("NT AUTHORITY", "NETWORK SERVICE", "S-1-5-20", 0x3e4);

    /** {@code DOMAIN\name}, as Sysmon's {@code User} field shows it. */
    public String qualified() {
        return domain + "\\" + name;
    }

    public boolean isService() {
        return sid.startsWith("S-1-5-1") || sid.startsWith("S-1-5-20");
    }
}
