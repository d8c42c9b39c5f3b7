package org.sigmascope.ingest.evtx.render;

import java.util.Arrays;

import org.sigmascope.model.Fields;

/**
 * The fields of the record being flattened, in order, named as {@link Fields.Builder#put} names them (a repeated
 * name becomes {@code X_1}, {@code X_2}). Unlike the builder it keeps values as they are given, so that while a
 * {@link FieldPlan} is recorded they can be {@link Part}s, and it is emptied and reused record after record.
 */
final class FieldTable {
    private String[] names = new String[64];
    private Object[] values = new Object[64];
    private int size;
    /** Open-addressing index of names (position plus one), valid in the slots whose generation is current. */
    private int[] slots = new int[256];
    private int[] generations = new int[256];
    private int generation = 1;

    void clear() {
        Arrays.fill(values, 0, size, null);
        size = 0;
        reindex();
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    Object value(int i) {
        return values[i];
    }

    /** Adds a field, suffixing its name when it is taken. */
    void put(String name, Object value) {
        String unique = name;
        if (indexOf(unique) >= 0) {
            int suffix = 1;
            do {
                unique = name + "_" + suffix++;
            } while (indexOf(unique) >= 0);
        }
        append(unique, value);
    }

    /** Sets a field, replacing an earlier value of the same name in place. */
    void set(String name, Object value) {
        int index = indexOf(name);
        if (index >= 0) {
            values[index] = value;
        } else {
            append(name, value);
        }
    }

    Object get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    void remove(String name) {
        int index = indexOf(name);
        if (index >= 0) {
            System.arraycopy(names, index + 1, names, index, size - index - 1);
            System.arraycopy(values, index + 1, values, index, size - index - 1);
            size--;
            values[size] = null;
            // Positions after the removed one moved: rebuild the index (renaming siblings is rare).
            reindex();
            for (int i = 0; i < size; i++) {
                index(i);
            }
        }
    }

    /** The fields as they are (no {@link Part} may be left). */
    Fields fields() {
        return Fields.Layout.of(Arrays.copyOf(names, size)).fields(Arrays.copyOf(values, size));
    }

    private void append(String name, Object value) {
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        names[size] = name;
        values[size] = value;
        size++;
        if (size * 2 > slots.length) {
            slots = new int[slots.length * 2];
            generations = new int[slots.length];
            generation = 1;
            for (int i = 0; i < size; i++) {
                index(i);
            }
        } else {
            index(size - 1);
        }
    }

    private void reindex() {
        if (++generation == Integer.MAX_VALUE) {
            Arrays.fill(generations, 0);
            generation = 1;
        }
    }

    private void index(int i) {
        int mask = slots.length - 1;
        int slot = names[i].hashCode() & mask;
        while (generations[slot] == generation) {
            slot = (slot + 1) & mask;
        }
        slots[slot] = i + 1;
        generations[slot] = generation;
    }

    private int indexOf(String name) {
        int mask = slots.length - 1;
        for (int slot = name.hashCode() & mask; generations[slot] == generation; slot = (slot + 1) & mask) {
            String candidate = names[slots[slot] - 1];
            if (candidate == name || candidate.equals(name)) {
                return slots[slot] - 1;
            }
        }
        return -1;
    }
}
