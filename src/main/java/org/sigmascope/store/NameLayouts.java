package org.sigmascope.store;

import org.sigmascope.model.Fields;

/**
 * Remembers the field names of recent events, by identity: a reader makes the events of one template with the very
 * same name strings ({@link Fields.Layout}), so an event whose names are, one by one, the same objects as an earlier
 * event's has no name the case has not seen. That check is a few reference comparisons, where looking each name up in
 * a set measured a sixth of staging an event. A miss only costs the lookups it saves.
 */
final class NameLayouts {
    /** Direct-mapped: a power of two, more than the templates a file of Windows events mixes. */
    private static final int SLOTS = 256;

    private final String[][] names = new String[SLOTS][];

    /** Whether an event with exactly these name objects, in this order, was seen; if not, remembers them. */
    boolean seen(Fields fields) {
        int size = fields.size();
        if (size == 0) {
            return true;
        }
        int slot = (System.identityHashCode(fields.name(0)) * 31 + System.identityHashCode(fields.name(size - 1))
                + size) & (SLOTS - 1);
        String[] known = names[slot];
        if (known != null && known.length == size && same(known, fields)) {
            return true;
        }
        String[] copy = new String[size];
        for (int i = 0; i < size; i++) {
            copy[i] = fields.name(i);
        }
        names[slot] = copy;
        return false;
    }

    private static boolean same(String[] known, Fields fields) {
        for (int i = 0; i < known.length; i++) {
            if (known[i] != fields.name(i)) {
                return false;
            }
        }
        return true;
    }
}
