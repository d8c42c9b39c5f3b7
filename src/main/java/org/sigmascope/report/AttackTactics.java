package org.sigmascope.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * MITRE ATT&CK tactics from Sigma tags ({@code attack.persistence}, {@code attack.defense-evasion}), in the order
 * of the Enterprise matrix.
 */
public final class AttackTactics {
    private static final Map<String, String> TACTICS = new LinkedHashMap<>();

    static {
        TACTICS.put("reconnaissance", "Reconnaissance");
        TACTICS.put("resource-development", "Resource Development");
        TACTICS.put("initial-access", "Initial Access");
        TACTICS.put("execution", "Execution");
        TACTICS.put("persistence", "Persistence");
        TACTICS.put("privilege-escalation", "Privilege Escalation");
        TACTICS.put("defense-evasion", "Defense Evasion");
        TACTICS.put("defense-impairment", "Defense Impairment");
        TACTICS.put("credential-access", "Credential Access");
        TACTICS.put("discovery", "Discovery");
        TACTICS.put("lateral-movement", "Lateral Movement");
        TACTICS.put("collection", "Collection");
        TACTICS.put("command-and-control", "Command and Control");
        TACTICS.put("exfiltration", "Exfiltration");
        TACTICS.put("impact", "Impact");
    }

    private AttackTactics() {
    }

    /** The tactics a rule's tags name, in matrix order, as display names. */
    public static List<String> of(List<String> tags) {
        List<String> found = new ArrayList<>();
        for (Map.Entry<String, String> tactic : TACTICS.entrySet()) {
            for (String tag : tags) {
                String t = tag.toLowerCase(Locale.ROOT).replace('_', '-');
                if (t.equals("attack." + tactic.getKey())) {
                    found.add(tactic.getValue());
                    break;
                }
            }
        }
        return found;
    }

    /** The position of a tactic's display name in the matrix, for sorting; unknown names last. */
    public static int rank(String displayName) {
        int i = 0;
        for (String name : TACTICS.values()) {
            if (name.equals(displayName)) {
                return i;
            }
            i++;
        }
        return i;
    }

    /** ATT&CK technique ids from tags ({@code attack.t1546.003} → {@code T1546.003}). */
    public static List<String> techniques(List<String> tags) {
        List<String> found = new ArrayList<>();
        for (String tag : tags) {
            String t = tag.toLowerCase(Locale.ROOT);
            if (t.matches("attack\\.t\\d{4}(\\.\\d{3})?")) {
                found.add(t.substring("attack.".length()).toUpperCase(Locale.ROOT));
            }
        }
        return found;
    }
}
