package org.sigmascope.ingest.evtx.render;

/**
 * Joins field name parts ({@code Provider} + {@code Name} → {@code Provider_Name}) without building a new string
 * per record: element and attribute names are the same string objects for every record of a chunk (the chunk's
 * name cache), so an identity-keyed cache answers almost every join.
 */
final class KeyJoiner {
    private static final int SIZE = 1024;

    private final String[] prefixes = new String[SIZE];
    private final String[] suffixes = new String[SIZE];
    private final String[] joined = new String[SIZE];

    String join(String prefix, String suffix) {
        int slot = (System.identityHashCode(prefix) * 31 + System.identityHashCode(suffix)) & (SIZE - 1);
        if (prefixes[slot] == prefix && suffixes[slot] == suffix) {
            return joined[slot];
        }
        String result = prefix + "_" + suffix;
        prefixes[slot] = prefix;
        suffixes[slot] = suffix;
        joined[slot] = result;
        return result;
    }
}
