package org.sigmascope.ingest.evtx.binxml;

import java.util.Arrays;

/**
 * A BinXML element tree compiled once into a flat instruction array, so that every record using a template
 * replays it without re-reading its tokens (the template cache of evtx-checklist "BinXML tokens").
 *
 * <p>Instructions ({@code ops}), with their operands:
 * <pre>
 * OPEN      name dropIfNull endPc   start an element; skip to endPc when substitution dropIfNull is null/empty
 * ATTR      name dropIfNull endPc   start an attribute (same skipping)
 * ATTR_END
 * END                               end the current element
 * TEXT      string
 * SUBST     index                   a substitution of the template instance
 * VALUE     type offset size        a typed value written inline (template-less records)
 * CDATA     string
 * CHAR_REF  codePoint
 * ENTITY    name
 * PI        target data
 * INSTANCE  offset                  a template instance inside a template-less fragment
 * </pre>
 * {@code name}, {@code string}, {@code target} and {@code data} index {@link #strings}.
 *
 * <p>Two programs are equal when their instructions and strings are: the same template compiled in another chunk
 * (its name offsets differ, its program does not), so what a visitor derives from a template can outlive the chunk.
 */
public final class Program {
    static final int OPEN = 1;
    static final int ATTR = 2;
    static final int ATTR_END = 3;
    static final int END = 4;
    static final int TEXT = 5;
    static final int SUBST = 6;
    static final int VALUE = 7;
    static final int CDATA = 8;
    static final int CHAR_REF = 9;
    static final int ENTITY = 10;
    static final int PI = 11;
    static final int INSTANCE = 12;

    final int[] ops;
    final String[] strings;
    /**
     * For an element tree: per string, where it was written in the chunk as literal text (UTF-16, {@code
     * literalChars} code units), or -1 (a name); null for a template. Such a string is null until {@link #string}
     * decodes it.
     */
    final int[] literalOffsets;
    final int[] literalChars;
    private int hash;
    private int[] substitutions;
    private boolean singleUse;
    private Object attachment;

    Program(int[] ops, String[] strings) {
        this(ops, strings, null, null);
    }

    Program(int[] ops, String[] strings, int[] literalOffsets, int[] literalChars) {
        this.ops = ops;
        this.strings = strings;
        this.literalOffsets = literalOffsets;
        this.literalChars = literalChars;
    }

    /** String {@code i}: an element tree's literal text is decoded when first asked for. */
    String string(int i, ChunkContext context) {
        String string = strings[i];
        if (string == null) {
            string = context.literal(literalOffsets[i], literalChars[i]);
            strings[i] = string;
        }
        return string;
    }

    /** How many words instruction {@code op} takes, operands included. */
    static int length(int op) {
        return switch (op) {
            case ATTR_END, END -> 1;
            case PI -> 3;
            case OPEN, ATTR, VALUE -> 4;
            default -> 2;
        };
    }

    /**
     * Whether the program's output depends only on its substitution values: no typed values written inline (their
     * offsets are the chunk's) and no template instance inside it.
     */
    public boolean substitutionsOnly() {
        for (int pc = 0; pc < ops.length; pc += length(ops[pc])) {
            if (ops[pc] == VALUE || ops[pc] == INSTANCE) {
                return false;
            }
        }
        return true;
    }

    /** The substitution indexes the program uses, each once, in the order it first uses them. */
    public int[] substitutions() {
        if (substitutions == null) {
            int[] found = new int[16];
            int count = 0;
            boolean repeated = false;
            for (int pc = 0; pc < ops.length; pc += length(ops[pc])) {
                if (ops[pc] == SUBST) {
                    int index = ops[pc + 1] < 0 ? -ops[pc + 1] - 1 : ops[pc + 1];
                    boolean seen = false;
                    for (int i = 0; i < count && !seen; i++) {
                        seen = found[i] == index;
                    }
                    repeated |= seen;
                    if (!seen) {
                        if (count == found.length) {
                            found = Arrays.copyOf(found, count * 2);
                        }
                        found[count++] = index;
                    }
                }
            }
            singleUse = !repeated;
            substitutions = Arrays.copyOf(found, count);
        }
        return substitutions;
    }

    /** Whether the program uses each substitution once (a walk then meets each value once, in that order). */
    public boolean singleUse() {
        substitutions();
        return singleUse;
    }

    /** What a visitor keeps for this template (the field flattener's plans); it lives as long as the program. */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        attachment = value;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Program other && hashCode() == other.hashCode() && Arrays.equals(ops, other.ops)
                && Arrays.equals(strings, other.strings);
    }

    @Override
    public int hashCode() {
        if (hash == 0) {
            hash = (31 * Arrays.hashCode(ops) + Arrays.hashCode(strings)) | 1;
        }
        return hash;
    }
}
