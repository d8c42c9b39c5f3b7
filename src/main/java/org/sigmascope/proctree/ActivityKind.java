package org.sigmascope.proctree;

import java.util.Locale;

/** What an event other than a start or stop says its process did. Counted per process. */
public enum ActivityKind {
    /** Sysmon 3, Security 5156–5158. */
    NETWORK,
    /** Sysmon 22. */
    DNS,
    /** Sysmon 2, 9, 11, 15, 23, 26–29. */
    FILE,
    /** Sysmon 12–14. */
    REGISTRY,
    /** Sysmon 7. */
    IMAGE_LOAD,
    /** Sysmon 8 and 10, attached to the process that opened or injected into another. */
    PROCESS_ACCESS,
    /** Sysmon 17, 18. */
    PIPE,
    /** PowerShell 4103–4106. */
    SCRIPT,
    /** Security 4656, 4658, 4660, 4663, 4648. */
    OBJECT_ACCESS,
    /** Anything else that names its process (Sysmon 24, 25). */
    OTHER;

    static final ActivityKind[] ALL = values();

    /** The name used in JSON output: {@code image_load}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
