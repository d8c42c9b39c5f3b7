package org.sigmascope.ingest.json;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Field names made of two parts ({@code Provider_} + {@code Name}), made once and then found again, so that every
 * event of a file uses the same {@link String} instances: no concatenation per field, and hash codes computed
 * once, which the field index and every later lookup of the name reuse. Both parts come from {@link NameCache} or
 * are constants, so lookups hash nothing. Bounded: past the limit, names are concatenated and not kept.
 */
final class JoinedNames {
    private static final int MAX_ENTRIES = 1 << 14;
    private static final ConcurrentHashMap<Pair, String> JOINED = new ConcurrentHashMap<>();
    private static final ConcurrentHashMap<String, String> CUT = new ConcurrentHashMap<>();

    private record Pair(String prefix, String name) {
    }

    private JoinedNames() {
    }

    /** {@code name} without its first char ({@code @Name} to {@code Name}), the same instance for the same name. */
    static String withoutFirst(String name) {
        String cut = CUT.get(name);
        if (cut == null) {
            cut = name.substring(1);
            if (CUT.size() < MAX_ENTRIES) {
                CUT.putIfAbsent(name, cut);
            }
        }
        return cut;
    }

    /** {@code prefix + name}, the same instance for the same parts. */
    static String of(String prefix, String name) {
        if (prefix.isEmpty()) {
            return name;
        }
        Pair pair = new Pair(prefix, name);
        String joined = JOINED.get(pair);
        if (joined == null) {
            joined = prefix + name;
            if (JOINED.size() < MAX_ENTRIES) {
                JOINED.putIfAbsent(pair, joined);
            }
        }
        return joined;
    }
}
