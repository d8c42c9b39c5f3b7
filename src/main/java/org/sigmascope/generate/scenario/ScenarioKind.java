package org.sigmascope.generate.scenario;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The attack scenarios the generator can inject, each an ATT&amp;CK technique that SigmaHQ rules detect, and the
 * decoys: the seed story's events in the wrong order or too far apart, for correlation rules to reject.
 */
public enum ScenarioKind {
    WMI_PERSISTENCE_WMIC("wmi-persistence-wmic", "T1546.003", false,
            "wmic.exe creates a WMI event filter, an ActiveScriptEventConsumer (VBScript) and their binding; minutes "
                    + "later svchost.exe starts scrcons.exe, which runs the payload: a PowerShell download cradle",
            List.of("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e", "f6d1dd2f-b8ce-40ca-bc23-062efb686b34",
                    "ebef4391-1a81-4761-a40a-1db446c0e625", "0f06a3a5-6a09-413f-8743-e6cf35561297",
                    "0b7889b4-5577-4521-a60a-3376ee7f9f7b")),
    WMI_PERSISTENCE_POWERSHELL("wmi-persistence-powershell", "T1546.003", false,
            "PowerShell (Set-WmiInstance) creates the filter, a JScript ActiveScriptEventConsumer and the binding; "
                    + "minutes later svchost.exe starts scrcons.exe, which runs cmd.exe and a dropped executable",
            List.of("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e", "0f06a3a5-6a09-413f-8743-e6cf35561297",
                    "0b7889b4-5577-4521-a60a-3376ee7f9f7b")),
    ENCODED_POWERSHELL("encoded-powershell", "T1059.001", false,
            "Word starts powershell.exe -NoP -NonI -W Hidden -Enc with a base64 download cradle, which connects out",
            List.of("ca2092a1-c273-4878-9b4b-0d60115bf5ea")),
    LSASS_ACCESS("lsass-access", "T1003.001", false,
            "an elevated cmd.exe runs rundll32.exe comsvcs.dll, MiniDump on lsass.exe and writes lsass.dmp",
            List.of("646ea171-dded-4578-8a4d-65e9822892e3", "a49fa4d5-11db-418c-8473-1e014a8dd462")),
    SCHEDULED_TASK("scheduled-task", "T1053.005", false,
            "schtasks.exe /create registers a daily task running a hidden PowerShell script from AppData\\Roaming",
            List.of("92626ddd-662c-49e3-ac59-f6535f12d189", "3a734d25-df5c-4b99-8034-af1ddb5883a4")),
    SERVICE_INSTALL("service-install", "T1543.003", false,
            "sc.exe create installs an auto-start service whose binPath runs a hidden PowerShell download cradle",
            List.of("85ff530b-261d-48c6-a441-facaa2e81e48", "1d61f71d-59d2-479e-9562-4ff5f4ead16b")),
    DECOY_WMI_REVERSED("decoy-wmi-reversed", "T1546.003", true,
            "the seed story in the wrong order: scrcons.exe and its child run first, the subscription is made later",
            List.of("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e")),
    DECOY_WMI_FAR_APART("decoy-wmi-far-apart", "T1546.003", true,
            "the seed story too far apart: scrcons.exe runs more than six hours after the subscription was made",
            List.of("ec1d5e28-8f3b-4188-a6f8-6e8df81dc28e"));

    private final String id;
    private final String technique;
    private final boolean decoy;
    private final String story;
    private final List<String> sigmaRules;

    ScenarioKind(String id, String technique, boolean decoy, String story, List<String> sigmaRules) {
        this.id = id;
        this.technique = technique;
        this.decoy = decoy;
        this.story = story;
        this.sigmaRules = sigmaRules;
    }

    /** The name used on the command line and in the ground truth. */
    public String id() {
        return id;
    }

    public String technique() {
        return technique;
    }

    public boolean decoy() {
        return decoy;
    }

    public String story() {
        return story;
    }

    /** SigmaHQ rules (ids) that detect some of the scenario's events. */
    public List<String> sigmaRules() {
        return sigmaRules;
    }

    /** Whether the scenario tells the seed story (the WMI persistence the built-in rule detects). */
    public boolean seedStory() {
        return this == WMI_PERSISTENCE_WMIC || this == WMI_PERSISTENCE_POWERSHELL;
    }

    public static Optional<ScenarioKind> byId(String id) {
        for (ScenarioKind kind : values()) {
            if (kind.id.equals(id.toLowerCase(Locale.ROOT))) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
