package org.sigmascope.proctree;

/**
 * Shares equal strings among processes: every event brings its own copy of {@code C:\Windows\System32\svchost.exe}
 * or of a service's command line, and a tree of millions of processes would keep them all. A direct-mapped cache,
 * not a map: a fixed array, no entry objects, so strings that are never repeated cost nothing but the lookup, and the
 * ones that are stay shared.
 */
final class StringCache {
    private final String[] slots;
    private final int mask;

    StringCache(int sizePowerOfTwo) {
        slots = new String[sizePowerOfTwo];
        mask = sizePowerOfTwo - 1;
    }

    /** An equal string already kept, or this one (which is kept from now on); {@code null} stays {@code null}. */
    String share(String text) {
        if (text == null) {
            return null;
        }
        int h = text.hashCode();
        int slot = (h ^ h >>> 16) & mask;
        String kept = slots[slot];
        if (text.equals(kept)) {
            return kept;
        }
        slots[slot] = text;
        return text;
    }
}
