package org.sigmascope.ingest.evtx.render;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.sigmascope.ingest.evtx.binxml.BinXmlEvaluator;
import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.binxml.ChunkContext;
import org.sigmascope.ingest.evtx.binxml.Program;
import org.sigmascope.ingest.evtx.binxml.Substitutions;
import org.sigmascope.ingest.evtx.value.ValueDecoder;
import org.sigmascope.ingest.evtx.value.ValueType;
import org.sigmascope.model.Fields;

/**
 * Flattens records to fields (the rules are {@link FieldFlattener}'s), fast for the usual record by replaying a
 * {@link FieldPlan}: its values are decoded and dropped into fields whose names and order were settled the first
 * time its templates were met with values of that shape. The usual record is a template instance (the
 * {@code System} part) whose one nested BinXML value is another instance (the {@code EventData} part); both
 * templates' values, in the order a walk meets them, are the plan's values. Plans are kept across chunks (a
 * template compiled in the next chunk is the same program), so a file pays for each template and shape about once.
 * Other records (template-less ones, element trees inside values, names taken from values) are walked in full.
 *
 * <p>One instance per worker thread, like the {@link ChunkContext} it reads.
 */
public final class RecordFlattener {
    /** Programs remembered across chunks; past this many (a hostile or very mixed file) they are forgotten. */
    private static final int MAX_TEMPLATES = 1024;
    /** Nested instances planned this deep; deeper records (CAPI2 goes to 2) are walked. */
    private static final int MAX_NESTING = 4;
    /** Attached to a program that no plan can replay (typed values written inside it). */
    private static final Object UNPLANNABLE = new Object();

    private final ChunkContext context;
    private final BinXmlEvaluator evaluator;
    private final ValueDecoder decoder;
    private final FieldFlattener walker;
    private final boolean planning;
    private final Map<Program, TemplatePlans> known = new HashMap<>();
    private int templates;

    /** The record's values in walk order, their shape, and where each is in the chunk. */
    private Object[] decoded = new Object[64];
    private int[] signature = new int[64];
    private int[] offsets = new int[64];
    /** Per value: whether trimming it is sure to change nothing (told from its bytes, before it is a string). */
    private boolean[] trimmed = new boolean[64];
    private int count;
    /** Per template instance of the record, in walk order: its template's value indexes, and their positions. */
    private int[][] blockIndexes = new int[4][];
    private int[][] blockPositions = new int[4][64];
    private int blocks;
    private long timeCreated;
    private long replayed;

    public RecordFlattener(ChunkContext context, ValueDecoder decoder) {
        this(context, decoder, true);
    }

    /** @param planning false to walk every record (what the plans are tested against) */
    RecordFlattener(ChunkContext context, ValueDecoder decoder, boolean planning) {
        this.context = context;
        this.evaluator = new BinXmlEvaluator(context);
        this.decoder = decoder;
        this.walker = new FieldFlattener(decoder);
        this.planning = planning;
    }

    /** The fields of the record whose BinXML is {@code [start, end)} in the chunk. */
    public Fields flatten(int start, int end) {
        Program template = planning ? evaluator.soleInstance(start, end, 0) : null;
        TemplatePlans plans = template == null ? null : plans(template);
        Fields fields = plans == null ? null : replay(template, plans, end);
        if (fields == null && planning && template == null) {
            // a template-less record: replayed by the plan of its shape when it is one element tree
            Program shape = evaluator.soleTree(start, end);
            TemplatePlans shapePlans = shape == null ? null : plans(shape);
            // the first equal shape's program: its substitution order is worked out once
            fields = shapePlans == null ? null : replay(shapePlans.program(), shapePlans, end);
        }
        if (fields == null) {
            walker.begin();
            evaluator.record(start, end, false, walker);
            fields = walker.finish();
            timeCreated = walker.timeCreated();
        }
        return fields;
    }

    /** The FILETIME of the last record's {@code System/TimeCreated/@SystemTime}, or -1 when it had none. */
    public long timeCreated() {
        return timeCreated;
    }

    /** How many records were flattened by a plan. */
    long replayed() {
        return replayed;
    }

    /** The plans of a template, found by its program across chunks; null when it cannot be planned. */
    private TemplatePlans plans(Program template) {
        Object attached = template.attachment();
        if (attached == null) {
            if (!template.substitutionsOnly()) {
                attached = UNPLANNABLE;
            } else {
                if (known.size() >= MAX_TEMPLATES) {
                    known.clear();
                }
                attached = known.computeIfAbsent(template, t -> new TemplatePlans(++templates, t));
            }
            template.attach(attached);
        }
        return attached == UNPLANNABLE ? null : (TemplatePlans) attached;
    }

    /** The fields by the plan for the values' shape, recorded now if new; null when the record must be walked. */
    private Fields replay(Program template, TemplatePlans plans, int end) {
        count = 0;
        blocks = 0;
        if (!decode(template, plans, 0)) {
            return null;
        }
        int shape = plans.find(signature, count);
        FieldPlan plan;
        if (shape >= 0) {
            plan = plans.plan(shape);
        } else if (plans.full()) {
            return null;
        } else {
            plan = record(template, end);
            plans.add(signature, count, plan);
        }
        if (plan == TemplatePlans.WALK) {
            return null;
        }
        int time = plan.timeCreated();
        timeCreated = time < 0 ? -1 : Bytes.i64(context.data(), offsets[time]);
        replayed++;
        return plan.fields(decoded, trimmed);
    }

    /**
     * Decodes the values of the instance bound at {@code depth}, each once and in the order a walk first meets
     * them (so a damaged value fails the record, and lossy text is reported, exactly as a walk would), descending
     * into nested instances where the walk would, and notes their shape: per value its type and whether it
     * decoded to null, per nested instance its template. False when a walk is needed: a nested value that is not
     * one plannable instance, or a template that uses a nested value twice.
     */
    private boolean decode(Program template, TemplatePlans plans, int depth) {
        int[] indexes = template.substitutions();
        int[] positions = block(indexes);
        LastValues last = plans.lastValues(indexes.length);
        Substitutions values = evaluator.substitutions(depth);
        byte[] data = context.data();
        for (int i = 0; i < indexes.length; i++) {
            int index = indexes[i];
            int type = index < values.count() ? values.type(index) : ValueType.NULL;
            int position = position();
            positions[i] = position;
            int offset = type == ValueType.NULL ? -1 : values.offset(index);
            offsets[position] = offset;
            if (type == ValueType.BINXML) {
                if (depth + 1 >= MAX_NESTING || !template.singleUse()) {
                    return false;
                }
                Program nested = evaluator.soleInstance(offset, offset + values.size(index), depth + 1);
                TemplatePlans nestedPlans = nested == null ? null : plans(nested);
                if (nestedPlans == null) {
                    return false;
                }
                decoded[position] = null;
                signature[position] = -1 - nestedPlans.id();
                if (!decode(nested, nestedPlans, depth + 1)) {
                    return false;
                }
                continue;
            }
            Object value = type == ValueType.NULL ? null : decode(last, i, data, type, offset, values.size(index));
            decoded[position] = value;
            trimmed[position] = value == null || !Whitespace.mayEndInWhiteSpace(data, type, offset, values.size(index));
            // A missing value and a null one flatten alike; a typed value may still decode to null (too short).
            signature[position] = type == ValueType.NULL ? -1 : value == null ? type | 0x100 : type;
        }
        return true;
    }

    /** A value, reused from the last record when its bytes are the same. */
    private Object decode(LastValues last, int i, byte[] data, int type, int offset, int size) {
        if (!last.tries(i, type)) {
            return decode(data, type, offset, size);
        }
        Object value = last.find(i, type, data, offset, size);
        if (value == LastValues.MISS) {
            boolean clean = !decoder.text().lossy();
            value = decode(data, type, offset, size);
            if (value != null && clean && !decoder.text().lossy()) {
                last.remember(i, type, data, offset, size, value);
            }
        }
        return value;
    }

    /** A value; literal text of a template-less record as the walk reads it (trailing white space trimmed). */
    private Object decode(byte[] data, int type, int offset, int size) {
        if (type == Substitutions.LITERAL_TEXT) {
            return Whitespace.trim(decoder.text().utf16(data, offset, size / 2));
        }
        return decoder.decode(data, type, offset, size);
    }

    /** Starts the values of the next instance; returns where to note their positions. */
    private int[] block(int[] indexes) {
        if (blocks == blockIndexes.length) {
            blockIndexes = Arrays.copyOf(blockIndexes, blocks * 2);
            blockPositions = Arrays.copyOf(blockPositions, blocks * 2);
        }
        if (blockPositions[blocks] == null || blockPositions[blocks].length < indexes.length) {
            blockPositions[blocks] = new int[Math.max(64, indexes.length)];
        }
        blockIndexes[blocks] = indexes;
        return blockPositions[blocks++];
    }

    private int position() {
        if (count == decoded.length) {
            decoded = Arrays.copyOf(decoded, count * 2);
            trimmed = Arrays.copyOf(trimmed, count * 2);
            signature = Arrays.copyOf(signature, count * 2);
            offsets = Arrays.copyOf(offsets, count * 2);
        }
        return count++;
    }

    /** The position of value {@code index} of the record's {@code instance}-th template instance. */
    private int position(int instance, int index) {
        if (instance >= blocks) {
            throw new FieldPlan.NotPlannable();
        }
        int[] indexes = blockIndexes[instance];
        int i = 0;
        while (indexes[i] != index) {
            i++;
        }
        return blockPositions[instance][i];
    }

    private FieldPlan record(Program template, int end) {
        walker.beginPlan(decoded, this::position);
        try {
            evaluator.replay(template, end, walker);
        } catch (FieldPlan.NotPlannable e) {
            return TemplatePlans.WALK;
        }
        return walker.plan();
    }
}
