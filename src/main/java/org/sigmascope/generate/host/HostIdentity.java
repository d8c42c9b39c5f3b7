package org.sigmascope.generate.host;

import java.util.Locale;

/**
 * Who a generated host is: its names, its machine SID, its user, and what it logs.
 *
 * @param index     0-based
 * @param name      the NetBIOS name ({@code WS01})
 * @param fqdn      the {@code Computer} name events carry ({@code WS01.corp.example})
 * @param domain    the NetBIOS domain ({@code CORP})
 * @param sysmonId  the first 32 bits of every Sysmon GUID on the host (derived from its machine GUID)
 * @param bootId    the boot counter Sysmon puts at the end of process GUIDs
 * @param user      the user who logs on interactively (a local administrator on every fourth host)
 * @param admin     whether {@code user} is an administrator (then its logon has a linked elevated token)
 * @param audit     what the host logs
 * @param ip        the host's IPv4 address
 */
public record HostIdentity(int index, String name, String fqdn, String domain, int sysmonId, int bootId,
                           Account user, boolean admin, AuditProfile audit, String ip) {

    private static final String[] FIRST = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi",
        "ivan", "judy", "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter"};

    /** The host of that index, with stable names and ids derived from the run's seed. */
    public static HostIdentity of(int index, long seed) {
        String name = String.format(Locale.ROOT, "WS%02d", index + 1);
        java.util.SplittableRandom random = new java.util.SplittableRandom(seed * 31 + index);
        String userName = FIRST[index % FIRST.length] + (index >= FIRST.length ? Integer.toString(index) : "");
        String domainSid = "S-1-5-21-" + (1_000_000_000L + Math.floorMod(seed, 900_000_000L)) + "-"
                + (2_000_000_000L + Math.floorMod(seed * 7, 900_000_000L)) + "-"
                + (3_000_000_000L + Math.floorMod(seed * 13, 900_000_000L));
        Account user = new Account("CORP", userName, domainSid + "-" + (1104 + index), 0);
        return new HostIdentity(index, name, name + ".corp.example", "CORP", random.nextInt(), 0x10 + random.nextInt(32),
                user, index % 4 == 0, AuditProfile.forHost(index), "10.20." + (1 + index / 250) + "." + (10 + index % 240));
    }

    /** The computer account as Security events name it ({@code WS01$}). */
    public String machineAccount() {
        return name + "$";
    }
}
