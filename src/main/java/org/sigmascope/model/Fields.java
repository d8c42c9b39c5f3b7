package org.sigmascope.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * The ordered, immutable field map of an event, in Sigma's naming.
 *
 * <p>Values are {@link String}, {@link Long}, {@link Double}, {@link Boolean}, an unmodifiable {@link List}
 * of those, or {@code null}. A name that is present with a {@code null} value is different from an absent
 * name: Sigma's {@code exists} modifier and {@code null} values tell the two apart.
 *
 * <p>Lookups are by exact name through a small open-addressing index, because matching thousands of rules
 * looks fields up millions of times per second.
 */
public final class Fields {
    private static final Fields EMPTY = new Fields(new String[0], new Object[0]);

    private final String[] names;
    private final Object[] values;
    /** Open-addressing table of indexes into {@link #names}, plus one; 0 marks an empty slot. */
    private final int[] slots;

    private Fields(String[] names, Object[] values) {
        this(names, values, index(names, false));
    }

    /** {@code names} and {@code slots} may be shared by many instances (a {@link Layout}): neither is ever changed. */
    private Fields(String[] names, Object[] values, int[] slots) {
        this.names = names;
        this.values = values;
        this.slots = slots;
    }

    /** The lookup table of {@code names}; {@code null} when {@code distinct} is asked for and a name repeats. */
    private static int[] index(String[] names, boolean distinct) {
        int capacity = Integer.highestOneBit(Math.max(4, names.length * 2 + 1)) << 1;
        int[] slots = new int[capacity];
        int mask = capacity - 1;
        for (int i = 0; i < names.length; i++) {
            int slot = names[i].hashCode() & mask;
            while (slots[slot] != 0) {
                if (distinct && names[slots[slot] - 1].equals(names[i])) {
                    return null;
                }
                slot = (slot + 1) & mask;
            }
            slots[slot] = i + 1;
        }
        return slots;
    }

    public static Fields empty() {
        return EMPTY;
    }

    public static Builder builder() {
        return new Builder(16);
    }

    public static Builder builder(int expectedSize) {
        return new Builder(expectedSize);
    }

    /** Builds fields from a map, keeping its iteration order. */
    public static Fields of(Map<String, ?> map) {
        Builder builder = new Builder(map.size());
        map.forEach(builder::put);
        return builder.build();
    }

    public int size() {
        return names.length;
    }

    public boolean isEmpty() {
        return names.length == 0;
    }

    private int indexOf(String name) {
        return probe(names, slots, name);
    }

    /** The position of {@code name} in {@code names} through an open-addressing index of positions plus one. */
    private static int probe(String[] names, int[] slots, String name) {
        int mask = slots.length - 1;
        int slot = name.hashCode() & mask;
        int entry;
        while ((entry = slots[slot]) != 0) {
            if (names[entry - 1].equals(name)) {
                return entry - 1;
            }
            slot = (slot + 1) & mask;
        }
        return -1;
    }

    /** Whether the field is present, even with a {@code null} value. */
    public boolean contains(String name) {
        return indexOf(name) >= 0;
    }

    /** The value, or {@code null} when absent or null; see {@link #contains}. */
    public Object get(String name) {
        int index = indexOf(name);
        return index < 0 ? null : values[index];
    }

    /** The first field whose name equals {@code name} ignoring case: for evidence whose field names vary in case. */
    public int indexOfIgnoreCase(String name) {
        int exact = indexOf(name);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < names.length; i++) {
            if (names[i].equalsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    public String name(int index) {
        return names[index];
    }

    public Object value(int index) {
        return values[index];
    }

    /** The value as text the way Sigma compares it, or {@code null}. */
    public String text(String name) {
        return textOf(get(name));
    }

    public List<String> names() {
        return Collections.unmodifiableList(Arrays.asList(names));
    }

    public void forEach(BiConsumer<String, Object> action) {
        for (int i = 0; i < names.length; i++) {
            action.accept(names[i], values[i]);
        }
    }

    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        forEach(map::put);
        return map;
    }

    /** A copy with more fields appended (or replaced, keeping the original position). */
    public Fields with(Map<String, ?> more) {
        Builder builder = new Builder(names.length + more.size());
        for (int i = 0; i < names.length; i++) {
            builder.put(names[i], more.containsKey(names[i]) ? more.get(names[i]) : values[i]);
        }
        more.forEach((name, value) -> {
            if (!contains(name)) {
                builder.put(name, value);
            }
        });
        return builder.build();
    }

    /** The text form of a field value: numbers in decimal, booleans as {@code true}/{@code false}. */
    public static String textOf(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s;
        }
        if (value instanceof Double d) {
            double v = d;
            if (v == Math.rint(v) && !Double.isInfinite(v) && Math.abs(v) < 1e15) {
                return Long.toString((long) v);
            }
            return d.toString();
        }
        if (value instanceof List<?> list) {
            List<String> parts = new ArrayList<>(list.size());
            for (Object item : list) {
                parts.add(textOf(item));
            }
            return String.join(", ", parts);
        }
        return value.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Fields other && Arrays.equals(names, other.names) && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(names) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return asMap().toString();
    }

    /**
     * Distinct field names in order, with their lookup table built once: for a reader that makes many events with
     * the same names (an EVTX template), so that each event costs only its values.
     */
    public static final class Layout {
        private final String[] names;
        private final int[] slots;

        private Layout(String[] names, int[] slots) {
            this.names = names;
            this.slots = slots;
        }

        /** @throws IllegalArgumentException when a name repeats */
        public static Layout of(String... names) {
            String[] copy = names.clone();
            int[] slots = index(copy, true);
            if (slots == null) {
                throw new IllegalArgumentException("a field name repeats in " + Arrays.toString(copy));
            }
            return new Layout(copy, slots);
        }

        public int size() {
            return names.length;
        }

        /**
         * The fields with these names and {@code values}, one per name, normalized as {@link Builder#put} does.
         * The array is taken, not copied (one allocation less per event): the caller must not touch it again.
         */
        public Fields fields(Object[] values) {
            if (values.length != names.length) {
                throw new IllegalArgumentException(values.length + " values for " + names.length + " names");
            }
            for (int i = 0; i < values.length; i++) {
                values[i] = Builder.normalize(values[i]);
            }
            return names.length == 0 ? EMPTY : new Fields(names, values, slots);
        }
    }

    /**
     * Collects fields in order. A repeated name gets a suffix: {@code X}, {@code X_1}, {@code X_2}, as the Rust
     * evtx crate names repeated EventData entries.
     */
    public static final class Builder {
        /** Sizes up to which a scan finds names faster than hashing them. */
        private static final int SCAN_LIMIT = 8;

        private String[] names;
        private Object[] values;
        private int size;
        /** Open-addressing index of {@link #names} (positions plus one), kept once the builder outgrows a scan. */
        private int[] slots;

        private Builder(int expectedSize) {
            names = new String[Math.max(4, expectedSize)];
            values = new Object[names.length];
        }

        public Builder put(String name, Object value) {
            String unique = name;
            if (indexOf(unique) >= 0) {
                int suffix = 1;
                do {
                    unique = name + "_" + suffix++;
                } while (indexOf(unique) >= 0);
            }
            append(unique, normalize(value));
            return this;
        }

        /** Sets a field, replacing an earlier value of the same name in place. */
        public Builder set(String name, Object value) {
            int index = indexOf(name);
            if (index >= 0) {
                values[index] = normalize(value);
            } else {
                append(name, normalize(value));
            }
            return this;
        }

        public boolean contains(String name) {
            return indexOf(name) >= 0;
        }

        public Object get(String name) {
            int index = indexOf(name);
            return index < 0 ? null : values[index];
        }

        public Builder remove(String name) {
            int index = indexOf(name);
            if (index >= 0) {
                System.arraycopy(names, index + 1, names, index, size - index - 1);
                System.arraycopy(values, index + 1, values, index, size - index - 1);
                size--;
                names[size] = null;
                values[size] = null;
                slots = null;
                reindex();
            }
            return this;
        }

        public int size() {
            return size;
        }

        private void append(String name, Object value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            if (slots != null && size * 2 > slots.length) {
                slots = null;
            }
            if (slots == null) {
                reindex();
            } else {
                insert(size - 1);
            }
        }

        /** Builds the index once there are too many names to scan (events have dozens of fields). */
        private void reindex() {
            if (size <= SCAN_LIMIT) {
                return;
            }
            slots = new int[Integer.highestOneBit(size * 4 - 1) << 1];
            for (int i = 0; i < size; i++) {
                insert(i);
            }
        }

        private void insert(int index) {
            int mask = slots.length - 1;
            int slot = names[index].hashCode() & mask;
            while (slots[slot] != 0) {
                slot = (slot + 1) & mask;
            }
            slots[slot] = index + 1;
        }

        private int indexOf(String name) {
            if (slots == null) {
                for (int i = 0; i < size; i++) {
                    if (names[i].equals(name)) {
                        return i;
                    }
                }
                return -1;
            }
            return probe(names, slots, name);
        }

        private static Object normalize(Object value) {
            if (value == null || value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean) {
                return value;
            }
            if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
                return ((Number) value).longValue();
            }
            if (value instanceof Float f) {
                return f.doubleValue();
            }
            if (value instanceof List<?> list) {
                List<Object> copy = new ArrayList<>(list.size());
                for (Object item : list) {
                    copy.add(normalize(item));
                }
                return Collections.unmodifiableList(copy);
            }
            return value.toString();
        }

        public Fields build() {
            return size == 0 ? EMPTY : new Fields(Arrays.copyOf(names, size), Arrays.copyOf(values, size));
        }
    }
}
