package org.sigmascope.ingest.evtx.binxml;

/**
 * The substitution values of one template instance (evtx-checklist "BinXML tokens", 0x0C): for each, its type,
 * and where its bytes are in the chunk. Values are not decoded here. Reused from record to record.
 */
public final class Substitutions {
    /**
     * Not a BinXML type (those are one byte): a piece of literal text of a template-less record, UTF-16 at the
     * value's offset, bound as a value by {@link TreeShape} so that such records can replay a plan too. Read as the
     * walk reads literal text: decoded, trailing white space trimmed.
     */
    public static final int LITERAL_TEXT = 0x200;

    /** Which template instance of the record these are, counted in the order a walk meets them. */
    int instance;
    int count;
    int[] type = new int[64];
    int[] offset = new int[64];
    int[] size = new int[64];

    void ensure(int n) {
        if (type.length < n) {
            type = new int[n];
            offset = new int[n];
            size = new int[n];
        }
    }

    /** Adds a value after the others. */
    void append(int valueType, int valueOffset, int valueSize) {
        if (count == type.length) {
            type = java.util.Arrays.copyOf(type, count * 2);
            offset = java.util.Arrays.copyOf(offset, count * 2);
            size = java.util.Arrays.copyOf(size, count * 2);
        }
        type[count] = valueType;
        offset[count] = valueOffset;
        size[count] = valueSize;
        count++;
    }

    /** How many values the instance has; a template may refer to more (those are null). */
    public int count() {
        return count;
    }

    /** The value type ({@code ValueType}) of value {@code i < count()}. */
    public int type(int i) {
        return type[i];
    }

    /** Where value {@code i} starts in the chunk. */
    public int offset(int i) {
        return offset[i];
    }

    public int size(int i) {
        return size[i];
    }
}
