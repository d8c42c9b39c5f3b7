package org.sigmascope.generate.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code --scenarios} list into plans.
 *
 * <p>Items, comma-separated: {@code all} (every scenario once, the default), {@code attacks} (all but the
 * decoys), {@code decoys}, {@code none}, or {@code NAME[@HOST][@+OFFSET]}: a scenario by name, on a host given
 * by number ({@code 3}) or name ({@code WS03}), starting an offset after the window's start ({@code +2h},
 * {@code +90m}, {@code +1h30m}). Host and time left out are drawn from the seed.
 */
public final class ScenarioSpec {
    private static final Pattern OFFSET = Pattern.compile("\\+(?:(\\d+)d)?(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");
    private static final long SECOND = 10_000_000L;

    private ScenarioSpec() {
    }

    public static List<ScenarioPlan> parse(String spec, int hosts, long durationTicks, long seed) {
        SplittableRandom random = new SplittableRandom(seed ^ 0x5CE7A110L);
        List<ScenarioPlan> plans = new ArrayList<>();
        for (String raw : spec.split(",")) {
            String item = raw.trim();
            if (item.isEmpty()) {
                continue;
            }
            switch (item.toLowerCase(Locale.ROOT)) {
                case "none" -> { }
                case "all" -> addAll(plans, random, hosts, durationTicks, true, true);
                case "attacks" -> addAll(plans, random, hosts, durationTicks, true, false);
                case "decoys" -> addAll(plans, random, hosts, durationTicks, false, true);
                default -> plans.add(one(item, plans.size(), random, hosts, durationTicks));
            }
        }
        return plans;
    }

    private static void addAll(List<ScenarioPlan> plans, SplittableRandom random, int hosts, long duration,
                               boolean attacks, boolean decoys) {
        for (ScenarioKind kind : ScenarioKind.values()) {
            if (kind.decoy() ? decoys : attacks) {
                plans.add(new ScenarioPlan(id(plans.size()), kind, random.nextInt(hosts),
                        defaultOffset(kind, random, duration)));
            }
        }
    }

    private static ScenarioPlan one(String item, int index, SplittableRandom random, int hosts, long duration) {
        String[] parts = item.split("@");
        ScenarioKind kind = ScenarioKind.byId(parts[0]).orElseThrow(() -> new IllegalArgumentException(
                "unknown scenario '" + parts[0] + "' in '" + item + "'; known: " + known()));
        int host = random.nextInt(hosts);
        long offset = defaultOffset(kind, random, duration);
        for (int i = 1; i < parts.length; i++) {
            String part = parts[i].trim();
            if (part.startsWith("+")) {
                offset = offset(part, item);
            } else {
                host = host(part, hosts, item);
            }
        }
        return new ScenarioPlan(id(index), kind, host, offset);
    }

    /** Attacks in the middle of the window, so their follow-ups fit; far-apart decoys early, to leave room. */
    private static long defaultOffset(ScenarioKind kind, SplittableRandom random, long duration) {
        double from = kind == ScenarioKind.DECOY_WMI_FAR_APART ? 0.05 : 0.2;
        double to = kind == ScenarioKind.DECOY_WMI_FAR_APART ? 0.25 : 0.6;
        return (long) (duration * (from + (to - from) * random.nextDouble()));
    }

    private static int host(String part, int hosts, String item) {
        String digits = part.toUpperCase(Locale.ROOT).startsWith("WS") ? part.substring(2) : part;
        try {
            int number = Integer.parseInt(digits);
            if (number >= 1 && number <= hosts) {
                return number - 1;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + part + "' in '" + item + "' is not a host: give 1.." + hosts
                + " or WS01..WS" + String.format(Locale.ROOT, "%02d", hosts));
    }

    private static long offset(String part, String item) {
        Matcher m = OFFSET.matcher(part.toLowerCase(Locale.ROOT));
        if (!m.matches() || part.length() < 3) {
            throw new IllegalArgumentException("'" + part + "' in '" + item
                    + "' is not an offset: write +2h, +90m, +1h30m or +1d");
        }
        long seconds = 0;
        long[] unit = {86_400, 3_600, 60, 1};
        for (int g = 1; g <= 4; g++) {
            if (m.group(g) != null) {
                seconds += Long.parseLong(m.group(g)) * unit[g - 1];
            }
        }
        return seconds * SECOND;
    }

    private static String id(int index) {
        return String.format(Locale.ROOT, "S%02d", index + 1);
    }

    private static String known() {
        List<String> names = new ArrayList<>();
        for (ScenarioKind kind : ScenarioKind.values()) {
            names.add(kind.id());
        }
        return String.join(", ", names) + ", all, attacks, decoys, none";
    }
}
