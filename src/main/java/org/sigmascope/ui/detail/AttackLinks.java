package org.sigmascope.ui.detail;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Links from Sigma's ATT&amp;CK tags to MITRE's pages: techniques ({@code attack.t1546.003}), tactics
 * ({@code attack.persistence}), groups ({@code attack.g0016}) and software ({@code attack.s0002}).
 */
public final class AttackLinks {
    private static final String SITE = "https://attack.mitre.org/";
    private static final Pattern TECHNIQUE = Pattern.compile("attack\\.t(\\d{4})(?:\\.(\\d{3}))?");
    private static final Pattern GROUP = Pattern.compile("attack\\.g(\\d{4})");
    private static final Pattern SOFTWARE = Pattern.compile("attack\\.s(\\d{4})");
    private static final Map<String, String> TACTICS = Map.ofEntries(
            Map.entry("reconnaissance", "TA0043"), Map.entry("resource-development", "TA0042"),
            Map.entry("initial-access", "TA0001"), Map.entry("execution", "TA0002"),
            Map.entry("persistence", "TA0003"), Map.entry("privilege-escalation", "TA0004"),
            Map.entry("defense-evasion", "TA0005"), Map.entry("credential-access", "TA0006"),
            Map.entry("discovery", "TA0007"), Map.entry("lateral-movement", "TA0008"),
            Map.entry("collection", "TA0009"), Map.entry("command-and-control", "TA0011"),
            Map.entry("exfiltration", "TA0010"), Map.entry("impact", "TA0040"));

    private AttackLinks() {
    }

    /** The MITRE page of a tag, or empty for tags that are not ATT&amp;CK's. */
    public static Optional<String> url(String tag) {
        String t = tag.toLowerCase(Locale.ROOT).strip().replace('_', '-');
        Matcher m = TECHNIQUE.matcher(t);
        if (m.matches()) {
            return Optional.of(SITE + "techniques/T" + m.group(1) + (m.group(2) == null ? "" : "/" + m.group(2))
                    + "/");
        }
        m = GROUP.matcher(t);
        if (m.matches()) {
            return Optional.of(SITE + "groups/G" + m.group(1) + "/");
        }
        m = SOFTWARE.matcher(t);
        if (m.matches()) {
            return Optional.of(SITE + "software/S" + m.group(1) + "/");
        }
        if (t.startsWith("attack.")) {
            String id = TACTICS.get(t.substring("attack.".length()));
            if (id != null) {
                return Optional.of(SITE + "tactics/" + id + "/");
            }
        }
        return Optional.empty();
    }
}
