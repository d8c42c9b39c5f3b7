package org.sigmascope.ingest.evtx.binxml;

import org.sigmascope.ingest.evtx.value.ValueType;

/**
 * Walks a record's BinXML (fragment headers, template instances, template-less element trees) and replays the
 * compiled templates with the instance's substitution values, calling a {@link BinXmlVisitor}. Values are not
 * decoded here: the visitor gets their type, offset and size.
 *
 * <p>Bounded on hostile input: nested BinXML values at most {@value #MAX_DEPTH} deep, and at most
 * {@value #MAX_STEPS} instructions per record (a template may use one substitution many times, so nesting
 * could otherwise multiply the work).
 */
public final class BinXmlEvaluator {
    static final int MAX_DEPTH = 8;
    static final int MAX_STEPS = 1_000_000;

    private final ChunkContext context;
    private final Substitutions[] frames = new Substitutions[MAX_DEPTH + 1];
    private final TreeShape shapes = new TreeShape();
    private int steps;
    private boolean dropOptional;
    private int instances;

    public BinXmlEvaluator(ChunkContext context) {
        this.context = context;
        for (int i = 0; i < frames.length; i++) {
            frames[i] = new Substitutions();
        }
    }

    /**
     * Evaluates the BinXML of one record, {@code [start, end)} in the chunk.
     *
     * @param dropOptional leave out an element whose only content is an optional substitution with a null value,
     *                     as Windows renders it (MS-EVEN6); the evtx crate keeps it, empty, and the field
     *                     flattening follows the crate
     */
    public void record(int start, int end, boolean dropOptional, BinXmlVisitor visitor) {
        steps = MAX_STEPS;
        this.dropOptional = dropOptional;
        instances = 0;
        fragment(start, end, 0, visitor);
    }

    private void fragment(int p, int end, int depth, BinXmlVisitor visitor) {
        byte[] data = context.data();
        while (p < end) {
            int token = data[p] & ~Tokens.MORE_BIT & 0xff;
            switch (token) {
                case Tokens.FRAGMENT_HEADER -> p += 4;
                case Tokens.TEMPLATE_INSTANCE -> p = instance(p, end, depth, visitor);
                case Tokens.OPEN_START_ELEMENT -> {
                    Program tree = context.elementTree(p, end);
                    p = context.compiledEnd();
                    frames[depth].count = 0;
                    run(tree, frames[depth], depth, end, visitor);
                }
                case Tokens.EOF -> {
                    return;
                }
                default -> throw new BinXmlException(p, "unexpected token 0x" + Integer.toHexString(data[p] & 0xff)
                        + " at the top of a fragment");
            }
        }
    }

    /**
     * When {@code [start, end)} is one template instance and nothing else (fragment headers, the instance, then
     * its end or an end-of-stream token: the shape of nearly every record, and of the nested BinXML value holding
     * its {@code EventData}), binds its values to {@link #substitutions(int) substitutions(depth)} and returns its
     * template; otherwise {@code null}, and {@link #record} must walk the record. Throws what a walk would throw on
     * a broken instance.
     *
     * @param depth 0 for the record itself, one more for each nested BinXML value it is inside
     */
    public Program soleInstance(int start, int end, int depth) {
        byte[] data = context.data();
        int p = start;
        while (p < end && token(data, p) == Tokens.FRAGMENT_HEADER) {
            p += 4;
        }
        if (p >= end || token(data, p) != Tokens.TEMPLATE_INSTANCE || depth > MAX_DEPTH) {
            return null;
        }
        Program template = context.template(Instances.definition(data, p));
        int after = bind(p, end, frames[depth]);
        return after >= end || token(data, after) == Tokens.EOF ? template : null;
    }

    /**
     * When {@code [start, end)} is one template-less element tree and nothing else, its {@link TreeShape}, with the
     * tree's values bound to {@link #substitutions(int) substitutions(0)}; otherwise {@code null}, and
     * {@link #record} must walk the record. Throws what a walk would throw on a broken tree.
     */
    public Program soleTree(int start, int end) {
        byte[] data = context.data();
        int p = start;
        while (p < end && token(data, p) == Tokens.FRAGMENT_HEADER) {
            p += 4;
        }
        if (p >= end || token(data, p) != Tokens.OPEN_START_ELEMENT) {
            return null;
        }
        Program tree = context.elementTree(p, end);
        int after = context.compiledEnd();
        if (after < end && token(data, after) != Tokens.EOF) {
            return null;
        }
        frames[0].count = 0;
        return shapes.of(tree, frames[0], context);
    }

    /** The values bound at {@code depth} by the last {@link #soleInstance}. */
    public Substitutions substitutions(int depth) {
        return frames[depth];
    }

    /**
     * Walks {@code template}, the record's own instance bound by {@link #soleInstance}, as {@link #record} would
     * (optional elements kept).
     */
    public void replay(Program template, int end, BinXmlVisitor visitor) {
        steps = MAX_STEPS;
        dropOptional = false;
        frames[0].instance = 0;
        instances = 1;
        run(template, frames[0], 0, end, visitor);
    }

    private static int token(byte[] data, int p) {
        return data[p] & ~Tokens.MORE_BIT & 0xff;
    }

    private int instance(int p, int end, int depth, BinXmlVisitor visitor) {
        Program template = context.template(Instances.definition(context.data(), p));
        Substitutions frame = frames[depth];
        int value = bind(p, end, frame);
        frame.instance = instances++;
        run(template, frame, depth, end, visitor);
        return value;
    }

    /** Reads the value descriptors of the instance at {@code p} into {@code frame}; returns where its values end. */
    private int bind(int p, int end, Substitutions frame) {
        byte[] data = context.data();
        int q = Instances.descriptors(data, p, end);
        long count = Bytes.u32(data, q);
        if (count > Instances.MAX_VALUES) {
            throw new BinXmlException(q, "template instance claims " + count + " values");
        }
        int n = (int) count;
        frame.ensure(n);
        frame.count = n;
        int value = q + 4 + 4 * n;
        for (int i = 0; i < n; i++) {
            int size = Bytes.u16(data, q + 4 + 4 * i);
            frame.size[i] = size;
            frame.type[i] = Bytes.u8(data, q + 6 + 4 * i);
            frame.offset[i] = value;
            value += size;
        }
        if (value > end) {
            throw new BinXmlException(q, "template instance values run past the record");
        }
        return value;
    }

    /** An optional substitution leaves its element or attribute out only for a null value (as Windows does). */
    private boolean isEmpty(Substitutions frame, int index) {
        return index >= frame.count || frame.type[index] == ValueType.NULL;
    }

    private void run(Program program, Substitutions frame, int depth, int end, BinXmlVisitor visitor) {
        int[] ops = program.ops;
        String[] strings = program.strings;
        int pc = 0;
        while (pc < ops.length) {
            if (--steps < 0) {
                throw new BinXmlException(0, "record too complex: over " + MAX_STEPS + " BinXML steps");
            }
            switch (ops[pc]) {
                case Program.OPEN -> {
                    int drop = ops[pc + 2];
                    if (dropOptional && drop >= 0 && isEmpty(frame, drop)) {
                        pc = ops[pc + 3];
                    } else {
                        visitor.startElement(strings[ops[pc + 1]]);
                        pc += 4;
                    }
                }
                case Program.ATTR -> {
                    int drop = ops[pc + 2];
                    if (drop >= 0 && isEmpty(frame, drop)) {
                        pc = ops[pc + 3];
                    } else {
                        visitor.startAttribute(strings[ops[pc + 1]]);
                        pc += 4;
                    }
                }
                case Program.ATTR_END -> {
                    visitor.endAttribute();
                    pc++;
                }
                case Program.END -> {
                    visitor.endElement();
                    pc++;
                }
                case Program.TEXT -> {
                    visitor.text(program.string(ops[pc + 1], context));
                    pc += 2;
                }
                case Program.SUBST -> {
                    int index = ops[pc + 1];
                    substitute(frame, index < 0 ? -index - 1 : index, depth, visitor);
                    pc += 2;
                }
                case Program.VALUE -> {
                    visitor.value(context.data(), ops[pc + 1], ops[pc + 2], ops[pc + 3]);
                    pc += 4;
                }
                case Program.CDATA -> {
                    visitor.cdata(strings[ops[pc + 1]]);
                    pc += 2;
                }
                case Program.CHAR_REF -> {
                    visitor.charRef(ops[pc + 1]);
                    pc += 2;
                }
                case Program.ENTITY -> {
                    visitor.entityRef(strings[ops[pc + 1]]);
                    pc += 2;
                }
                case Program.PI -> {
                    visitor.processingInstruction(strings[ops[pc + 1]], strings[ops[pc + 2]]);
                    pc += 3;
                }
                case Program.INSTANCE -> {
                    nestedInstance(ops[pc + 1], end, depth, visitor);
                    pc += 2;
                }
                default -> throw new IllegalStateException("bad op " + ops[pc]);
            }
        }
    }

    private void nestedInstance(int p, int end, int depth, BinXmlVisitor visitor) {
        if (depth >= MAX_DEPTH) {
            throw new BinXmlException(p, "BinXML nested deeper than " + MAX_DEPTH);
        }
        instance(p, end, depth + 1, visitor);
    }

    private void substitute(Substitutions frame, int index, int depth, BinXmlVisitor visitor) {
        // A null value is no content; an empty string is still a value (the element shows as empty).
        if (index >= frame.count || frame.type[index] == ValueType.NULL) {
            return;
        }
        int type = frame.type[index];
        int offset = frame.offset[index];
        int size = frame.size[index];
        if (type == ValueType.BINXML) {
            if (depth >= MAX_DEPTH) {
                throw new BinXmlException(offset, "BinXML nested deeper than " + MAX_DEPTH);
            }
            fragment(offset, offset + size, depth + 1, visitor);
        } else {
            visitor.substitution(frame.instance, index, context.data(), type, offset, size);
        }
    }
}
