package org.sigmascope.ingest.evtx.binxml;

import java.util.Arrays;

/**
 * The shape of a template-less record (forwarded events, some Defender logs: evtx-checklist "template-less
 * records"): its compiled element tree with every piece of literal text and every typed value taken out as a
 * substitution value, so that the records written from one event definition — the same elements, attributes and
 * names, different values — compile to equal programs and replay one field plan, as template instances do.
 *
 * <p>The text of a {@code Name} attribute of a {@code Data} element stays in the shape: it is a field name, not a
 * value. A tree holding a template instance has no shape (it is walked). One per evaluator: its buffers are reused.
 */
final class TreeShape {
    private static final int MAX_DEPTH = 160;

    private int[] out = new int[256];
    private String[] kept = new String[64];
    private int keptCount;
    private final String[] elements = new String[MAX_DEPTH];

    /** The shape of {@code tree}, its values appended to {@code values}; null when it has none. */
    Program of(Program tree, Substitutions values, ChunkContext context) {
        int[] ops = tree.ops;
        String[] strings = tree.strings;
        if (out.length < ops.length) {
            out = new int[Math.max(ops.length, 2 * out.length)];
        }
        if (kept.length < strings.length) {
            kept = new String[Math.max(strings.length, 2 * kept.length)];
        }
        keptCount = 0;
        int size = 0;
        int depth = 0;
        boolean inName = false;
        for (int pc = 0; pc < ops.length; pc += Program.length(ops[pc])) {
            int op = ops[pc];
            switch (op) {
                case Program.OPEN -> {
                    if (++depth >= MAX_DEPTH) {
                        return null;
                    }
                    elements[depth] = strings[ops[pc + 1]];
                    size = put(out, size, op, keep(elements[depth]), -1, 0);
                }
                case Program.ATTR -> {
                    String name = strings[ops[pc + 1]];
                    inName = name.equals("Name") && "Data".equals(elements[depth]);
                    size = put(out, size, op, keep(name), -1, 0);
                }
                case Program.ATTR_END -> {
                    inName = false;
                    out[size++] = op;
                }
                case Program.END -> {
                    depth--;
                    out[size++] = op;
                }
                case Program.TEXT -> {
                    int text = ops[pc + 1];
                    if (inName || tree.literalOffsets == null || tree.literalOffsets[text] < 0) {
                        out[size++] = op;
                        out[size++] = keep(tree.string(text, context));
                    } else {
                        out[size++] = Program.SUBST;
                        out[size++] = values.count;
                        values.append(Substitutions.LITERAL_TEXT, tree.literalOffsets[text], 2 * tree.literalChars[text]);
                    }
                }
                case Program.VALUE -> {
                    out[size++] = Program.SUBST;
                    out[size++] = values.count;
                    values.append(ops[pc + 1], ops[pc + 2], ops[pc + 3]);
                }
                case Program.CDATA, Program.ENTITY -> {
                    out[size++] = op;
                    out[size++] = keep(strings[ops[pc + 1]]);
                }
                case Program.CHAR_REF -> {
                    out[size++] = op;
                    out[size++] = ops[pc + 1];
                }
                case Program.PI -> size = put(out, size, op, keep(strings[ops[pc + 1]]),
                        keep(strings[ops[pc + 2]]));
                default -> {
                    // a template instance inside the tree, or a substitution (a tree has none): walked
                    return null;
                }
            }
        }
        return new Program(Arrays.copyOf(out, size), Arrays.copyOf(kept, keptCount));
    }

    private int keep(String string) {
        kept[keptCount] = string;
        return keptCount++;
    }

    private static int put(int[] out, int size, int op, int a, int b) {
        out[size] = op;
        out[size + 1] = a;
        out[size + 2] = b;
        return size + 3;
    }

    private static int put(int[] out, int size, int op, int a, int b, int c) {
        out[size] = op;
        out[size + 1] = a;
        out[size + 2] = b;
        out[size + 3] = c;
        return size + 4;
    }
}
