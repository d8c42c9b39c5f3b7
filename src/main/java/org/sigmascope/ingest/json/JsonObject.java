package org.sigmascope.ingest.json;

import java.util.Arrays;

/**
 * A JSON object as read from evidence: keys in order, values as {@link String}, {@link Long},
 * {@link java.math.BigInteger}, {@link JsonDecimal}, {@link Boolean}, {@code null}, {@link JsonObject} or a
 * {@link java.util.List} of those. Lighter than a Jackson tree (no hash map per object), since one is built per
 * record; objects of events are small, so lookups scan.
 */
public final class JsonObject {
    private String[] keys;
    private Object[] values;
    private int size;

    JsonObject(int capacity) {
        keys = new String[Math.max(2, capacity)];
        values = new Object[keys.length];
    }

    /** An object of exactly these keys and values, the arrays taken, not copied. */
    JsonObject(String[] keys, Object[] values) {
        this.keys = keys;
        this.values = values;
        this.size = keys.length;
    }

    void add(String key, Object value) {
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, Math.max(2, size * 2));
            values = Arrays.copyOf(values, Math.max(2, size * 2));
        }
        keys[size] = key;
        values[size] = value;
        size++;
    }

    public int size() {
        return size;
    }

    public String key(int index) {
        return keys[index];
    }

    public Object value(int index) {
        return values[index];
    }

    public int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            // Jackson interns key names, so identity usually answers first.
            if (keys[i] == key || keys[i].equals(key)) {
                return i;
            }
        }
        return -1;
    }

    public int indexOfIgnoreCase(String key) {
        int exact = indexOf(key);
        if (exact >= 0) {
            return exact;
        }
        for (int i = 0; i < size; i++) {
            if (keys[i].equalsIgnoreCase(key)) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the key is present, even with a {@code null} value. */
    public boolean has(String key) {
        return indexOf(key) >= 0;
    }

    /** The value, or {@code null} when absent or null. */
    public Object get(String key) {
        int index = indexOf(key);
        return index < 0 ? null : values[index];
    }

    public JsonObject object(String key) {
        return get(key) instanceof JsonObject object ? object : null;
    }

    /** A scalar value as text (numbers in decimal), or {@code null} for absent, null, objects and arrays. */
    public String text(String key) {
        return JsonValues.scalarText(get(key));
    }

    /** The value at a dotted path of nested objects ({@code winlog.event_data}), or {@code null}. */
    public Object path(String dotted) {
        JsonObject current = this;
        int start = 0;
        while (true) {
            int dot = dotted.indexOf('.', start);
            String key = dot < 0 ? dotted.substring(start) : dotted.substring(start, dot);
            Object value = current.get(key);
            if (dot < 0) {
                return value;
            }
            if (!(value instanceof JsonObject next)) {
                return null;
            }
            current = next;
            start = dot + 1;
        }
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < size; i++) {
            out.append(i == 0 ? "" : ", ").append(keys[i]).append('=').append(values[i]);
        }
        return out.append('}').toString();
    }
}
