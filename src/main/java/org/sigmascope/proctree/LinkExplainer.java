package org.sigmascope.proctree;

import java.time.Duration;

/** A link in words, for analysts: how the parent was found, or why it is unknown, with the evidence. */
public final class LinkExplainer {
    private LinkExplainer() {
    }

    public static String explain(ProcessTree tree, int p) {
        Process child = tree.process(p);
        Link link = child.link();
        Process parent = link.parent() >= 0 ? tree.process(link.parent()) : null;
        Process candidate = link.candidate() >= 0 ? tree.process(link.candidate()) : null;
        String parentId = parent == null ? "?" : pid(parent.pid());
        String other = candidate == null ? "another process" : candidate.name();
        return switch (link.reason()) {
            case GUID -> "exact: its start names the parent's process GUID " + parent.guid();
            case PID_AND_TIME -> "inferred: parent process id " + parentId + " belonged to " + parent.name()
                    + (parent.placeholder() ? " (never seen starting)" : ", started " + gap(link.gap()) + " before")
                    + checks(link);
            case NEVER_SEEN -> "unknown: no process with id " + parentId + " was seen on this host before it started";
            case PID_REUSED -> "unknown: process id " + parentId + " last belonged to " + other
                    + (candidate == null ? "" : ", which had stopped at " + candidate.end())
                    + ", before this start: the id was reused";
            case LOGON_MISMATCH -> "unknown: process id " + parentId + " belonged to " + other
                    + " in logon session " + (candidate == null ? "?" : logon(candidate.logonId()))
                    + ", not the creator's " + logon(parent.logonId());
            case IMAGE_MISMATCH -> "unknown: process id " + parentId + " belonged to " + other
                    + ", not the " + parent.name() + " its start names";
            case COMMAND_LINE_MISMATCH -> "unknown: process id " + parentId + " belonged to " + other
                    + " started with another command line than the one its start names";
            case NO_PARENT_ID -> "unknown: its start names no parent";
            case NO_TIME -> "unknown: its start has no time, so no process can be placed before it";
            case PLACEHOLDER -> "unknown: never seen starting, so no event names its parent";
            case CYCLE -> "unknown: the evidence made a loop of parents; the loop was cut here";
        };
    }

    /** The link in a few words, for one line of a tree: {@code exact}, {@code inferred (…)}, {@code unknown (…)}. */
    public static String label(ProcessTree tree, int p) {
        Link link = tree.link(p);
        Process parent = link.parent() >= 0 ? tree.process(link.parent()) : null;
        Process candidate = link.candidate() >= 0 ? tree.process(link.candidate()) : null;
        String parentId = parent == null ? "?" : pid(parent.pid());
        String other = candidate == null ? "another process" : candidate.name();
        return switch (link.reason()) {
            case GUID -> "exact";
            case PID_AND_TIME -> "inferred (id " + parentId + (parent.placeholder() ? ", parent never seen starting"
                    : ", " + gap(link.gap()) + " after its start") + agreed(link) + ")";
            case NEVER_SEEN -> "unknown (no process " + parentId + " seen before)";
            case PID_REUSED -> "unknown (id " + parentId + " reused: " + other + " had stopped)";
            case LOGON_MISMATCH -> "unknown (id " + parentId + " held by " + other + " in another logon session)";
            case IMAGE_MISMATCH -> "unknown (id " + parentId + " held by " + other + ", not " + parent.name() + ")";
            case COMMAND_LINE_MISMATCH -> "unknown (id " + parentId + " held by " + other
                    + " with another command line)";
            case NO_PARENT_ID -> "unknown (names no parent)";
            case NO_TIME -> "unknown (no time)";
            case PLACEHOLDER -> "never seen starting";
            case CYCLE -> "unknown (loop cut)";
        };
    }

    private static String agreed(Link link) {
        java.util.List<String> agreed = new java.util.ArrayList<>();
        if (link.logon() == Check.AGREED) {
            agreed.add("logon");
        }
        if (link.image() == Check.AGREED) {
            agreed.add("image");
        }
        if (link.commandLine() == Check.AGREED) {
            agreed.add("command line");
        }
        return agreed.isEmpty() ? "" : "; " + String.join(", ", agreed) + " agreed";
    }

    private static String checks(Link link) {
        StringBuilder text = new StringBuilder();
        if (link.logon() == Check.AGREED) {
            text.append("; logon session agreed");
        }
        if (link.image() == Check.AGREED) {
            text.append("; image agreed");
        }
        if (link.commandLine() == Check.AGREED) {
            text.append("; command line agreed");
        }
        return text.toString();
    }

    /** Process ids as Windows tools show them: decimal. */
    static String pid(long pid) {
        return pid == ProcessClaims.NO_PID ? "?" : Long.toString(pid);
    }

    static String logon(long logon) {
        return logon == ProcessClaims.NO_LOGON ? "?" : "0x" + Long.toHexString(logon);
    }

    /** {@code 1h 2m 3.456s}, {@code 0.580s}. */
    public static String gap(Duration gap) {
        if (gap == null) {
            return "?";
        }
        long millis = gap.toMillis();
        String sign = millis < 0 ? "-" : "";
        millis = Math.abs(millis);
        long hours = millis / 3_600_000;
        long minutes = millis / 60_000 % 60;
        String seconds = String.format(java.util.Locale.ROOT, "%d.%03ds", millis / 1000 % 60, millis % 1000);
        return sign + (hours > 0 ? hours + "h " : "") + (hours > 0 || minutes > 0 ? minutes + "m " : "") + seconds;
    }
}
