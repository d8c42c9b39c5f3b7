package org.sigmascope.generate.host;

/**
 * What a host logs about processes: Sysmon, Security process auditing (4688/4689), and whether 4688 carries the
 * command line ("Include command line in process creation events").
 */
public record AuditProfile(boolean sysmon, boolean processAuditing, boolean commandLine) {

    /** Hosts cycle through four profiles, so any run of four or more hosts has each; host 1 has both views. */
    public static AuditProfile forHost(int index) {
        return switch (index % 4) {
            case 0 -> new AuditProfile(true, true, true);
            case 1 -> new AuditProfile(false, true, true);
            case 2 -> new AuditProfile(true, true, false);
            default -> new AuditProfile(true, false, false);
        };
    }

    public String describe() {
        if (sysmon && processAuditing) {
            return "Sysmon and Security 4688 " + (commandLine ? "with" : "without") + " command line";
        }
        return sysmon ? "Sysmon only" : "Security 4688 " + (commandLine ? "with" : "without") + " command line only";
    }
}
