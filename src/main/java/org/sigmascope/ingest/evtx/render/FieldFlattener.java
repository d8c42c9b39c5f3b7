package org.sigmascope.ingest.evtx.render;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntBinaryOperator;

import org.sigmascope.ingest.evtx.binxml.BinXmlVisitor;
import org.sigmascope.ingest.evtx.binxml.Bytes;
import org.sigmascope.ingest.evtx.value.ValueDecoder;
import org.sigmascope.ingest.evtx.value.ValueType;
import org.sigmascope.ingest.winevent.SystemFields;
import org.sigmascope.model.Fields;

/**
 * Flattens a record's XML to Sigma's field names as the BinXML is walked (evtx-checklist "Flattening"), giving
 * the same names and values as the Rust evtx crate's JSON export read by our JSON reader:
 * <ul>
 * <li>{@code System}, {@code EventData}: each child element is a field named after it, its attributes
 *     {@code Element_Attribute}; an element with neither text nor attributes is a field with a null value.
 *     Numeric System values given as text (template-less records) become numbers, as {@link SystemFields} says.
 *     Attributes of {@code EventData} itself are {@code EventData_Attribute}.</li>
 * <li>{@code <Data Name="X">v</Data>} is field {@code X}; unnamed {@code Data} values form the list
 *     {@code Data}.</li>
 * <li>{@code UserData}: the children of its inner element become fields by their names, that element's
 *     attributes {@code Inner_Attribute}.</li>
 * <li>Deeper elements are named by their path: {@code Parent_Child}, {@code Parent_Child_Attribute}.</li>
 * <li>Trailing white space is trimmed, as the crate does: Windows writes values such as {@code "NtLmSsp "}
 *     and Sigma rules are written against the trimmed form (the XML view keeps it).</li>
 * <li>A name repeated among siblings: the last one takes the name and the earlier ones move to {@code _1},
 *     {@code _2} (the crate's order).</li>
 * <li>Other children of {@code Event} ({@code RenderingInfo}) are named by their path from that child:
 *     {@code RenderingInfo_Culture}, {@code RenderingInfo_Message}.</li>
 * </ul>
 * One instance per worker thread; {@link #begin()} before each record, {@link #finish()} after. The same walk
 * records a {@link FieldPlan} ({@link #beginPlan}, {@link #plan}): values are then {@link Part}s, and every
 * decision that depends on a value (is it null, what does it say) is taken on what the plan's shape fixes, or the
 * template is not plannable.
 */
public final class FieldFlattener implements BinXmlVisitor {
    private static final int MAX_DEPTH = 160;
    private static final int NONE = 0;
    private static final int SYSTEM = 1;
    private static final int EVENT_DATA = 2;
    private static final int USER_DATA = 3;
    /** Another child of {@code Event} ({@code RenderingInfo}): the element itself is a field, named by its path. */
    private static final int OTHER = 4;

    private static final int PLAIN = 0;
    private static final int NAMED_DATA = 1;
    private static final int UNNAMED_DATA = 2;

    private final ValueDecoder decoder;

    private final FieldTable out = new FieldTable();
    private int depth;
    private int section;
    private final String[] name = new String[MAX_DEPTH];
    private final String[] key = new String[MAX_DEPTH];
    private final int[] kind = new int[MAX_DEPTH];
    private final boolean[] opened = new boolean[MAX_DEPTH];
    private final boolean[] hasText = new boolean[MAX_DEPTH];
    private final boolean[] hasChildren = new boolean[MAX_DEPTH];
    private final boolean[] hasAttributes = new boolean[MAX_DEPTH];
    private final Object[] text = new Object[MAX_DEPTH];
    private final Sibling[] current = new Sibling[MAX_DEPTH];
    private final List<List<Sibling>> siblings = new ArrayList<>(MAX_DEPTH);
    /** Every field name written for this record, in order, so a sibling's fields can be renamed. */
    private final List<String> emitted = new ArrayList<>(64);
    /** Every key claimed by an element this record, whatever its container: most keys are new, so look here first. */
    private final KeySet claimed = new KeySet();
    private final KeyJoiner joiner = new KeyJoiner();

    private String[] attributeNames = new String[8];
    private Object[] attributeValues = new Object[8];
    private int attributeCount;
    private boolean inAttribute;
    private boolean attributeHasValue;

    private List<Object> unnamedData;
    private long timeCreated;

    /** While a plan is recorded: the record's decoded values (their null-ness is part of the plan's shape). */
    private Object[] recording;
    /** While a plan is recorded: the position of value (instance, index) among the decoded values. */
    private IntBinaryOperator positions;
    private int timeCreatedPosition;

    public FieldFlattener(ValueDecoder decoder) {
        this.decoder = decoder;
        for (int i = 0; i < MAX_DEPTH; i++) {
            siblings.add(new ArrayList<>());
        }
    }

    public void begin() {
        out.clear();
        recording = null;
        depth = 0;
        section = NONE;
        attributeCount = 0;
        inAttribute = false;
        unnamedData = null;
        timeCreated = -1;
        siblings.get(0).clear();
        emitted.clear();
        claimed.clear();
    }

    public Fields finish() {
        if (unnamedData != null) {
            out.set("Data", unnamedData.isEmpty() ? null : unnamedData);
        }
        return out.fields();
    }

    /**
     * Starts recording a plan from a walk of a template.
     *
     * @param decoded   the record's values, decoded
     * @param positions where value (instance, index) of the walk is in {@code decoded}
     */
    void beginPlan(Object[] decoded, IntBinaryOperator positions) {
        begin();
        recording = decoded;
        this.positions = positions;
        timeCreatedPosition = -1;
    }

    /** The plan recorded since {@link #beginPlan}. */
    FieldPlan plan() {
        if (unnamedData != null) {
            out.set("Data", new Part.Gathered(List.copyOf(unnamedData)));
        }
        String[] names = new String[out.size()];
        Object[] values = new Object[out.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = out.name(i);
            values[i] = out.value(i);
        }
        recording = null;
        return new FieldPlan(names, values, timeCreatedPosition);
    }

    /** The FILETIME of {@code System/TimeCreated/@SystemTime}, or -1 when the record has none. */
    public long timeCreated() {
        return timeCreated;
    }

    /**
     * Depth of the elements that are fields: below {@code UserData} there is one wrapper element more; another
     * section ({@code RenderingInfo}) is a field itself, its children {@code RenderingInfo_Message}….
     */
    private int fieldDepth() {
        return switch (section) {
            case USER_DATA -> 4;
            case OTHER -> 2;
            default -> 3;
        };
    }

    private boolean isField(int d) {
        return section != NONE && d >= fieldDepth();
    }

    @Override
    public void startElement(String elementName) {
        if (depth > 0) {
            open();
            hasChildren[depth] = true;
        }
        if (++depth >= MAX_DEPTH) {
            throw new IllegalStateException("elements nested deeper than " + MAX_DEPTH);
        }
        if (depth == 2) {
            section = switch (elementName) {
                case "System" -> SYSTEM;
                case "EventData" -> EVENT_DATA;
                case "UserData" -> USER_DATA;
                default -> OTHER;
            };
        }
        name[depth] = elementName;
        key[depth] = null;
        opened[depth] = false;
        hasText[depth] = false;
        hasChildren[depth] = false;
        hasAttributes[depth] = false;
        text[depth] = null;
        current[depth] = null;
        siblings.get(depth).clear();
        attributeCount = 0;
    }

    /** Settles the element's field name once its attributes are known, and writes its attribute fields. */
    private void open() {
        if (opened[depth]) {
            return;
        }
        opened[depth] = true;
        if (depth == fieldDepth() - 1 && (section == EVENT_DATA || section == USER_DATA)) {
            // <EventData Name="DNS_EVENT_…"> (the message symbol), and the attributes of UserData's wrapper
            // element: fields named after the element, as the JSON reader names them.
            emitAttributes(name[depth]);
            return;
        }
        if (!isField(depth)) {
            return;
        }
        String prefix = depth > fieldDepth() ? key[depth - 1] : null;
        String elementName = name[depth];
        if (elementName.equals("Data")) {
            String dataName = attribute("Name");
            if (dataName != null) {
                kind[depth] = NAMED_DATA;
                key[depth] = sibling(join(prefix, dataName));
            } else {
                kind[depth] = UNNAMED_DATA;
                key[depth] = prefix == null ? "Data" : join(prefix, "Data");
            }
            return;
        }
        kind[depth] = PLAIN;
        String elementKey = sibling(join(prefix, elementName));
        key[depth] = elementKey;
        hasAttributes[depth] = emitAttributes(elementKey);
    }

    /** Writes the element's attributes as {@code elementKey_Attribute}, namespace declarations left out. */
    private boolean emitAttributes(String elementKey) {
        boolean any = false;
        for (int i = 0; i < attributeCount; i++) {
            String attributeName = attributeNames[i];
            if (!attributeName.equals("xmlns") && !attributeName.startsWith("xmlns:")) {
                emit(join(elementKey, attributeName), attributeValues[i]);
                any = true;
            }
        }
        return any;
    }

    /** An element's field name among its siblings, and where its fields start in {@link #emitted}. */
    private static final class Sibling {
        String key;
        final int start;
        int end = -1;

        Sibling(String key, int start) {
            this.key = key;
            this.start = start;
        }
    }

    /**
     * Claims {@code candidate} for the element. When a sibling already has it, that sibling's fields move to the
     * first free {@code candidate_N} (a sibling that is only a null placeholder is dropped), as the crate's JSON
     * output does.
     */
    private String sibling(String candidate) {
        List<Sibling> used = siblings.get(depth - 1);
        Sibling old = claimed.add(candidate) ? null : find(used, candidate);
        if (old != null) {
            if (old.end - old.start == 1 && emitted.get(old.start).equals(candidate) && out.get(candidate) == null) {
                out.remove(candidate);
                emitted.set(old.start, "");
                used.remove(old);
            } else {
                int suffix = 1;
                while (find(used, candidate + "_" + suffix) != null) {
                    suffix++;
                }
                claimed.add(candidate + "_" + suffix);
                rename(old, candidate + "_" + suffix);
            }
        }
        Sibling claimed = new Sibling(candidate, emitted.size());
        used.add(claimed);
        current[depth] = claimed;
        return candidate;
    }

    private static Sibling find(List<Sibling> used, String key) {
        for (Sibling sibling : used) {
            if (sibling.key.equals(key)) {
                return sibling;
            }
        }
        return null;
    }

    private void rename(Sibling sibling, String newKey) {
        String oldKey = sibling.key;
        int end = sibling.end < 0 ? emitted.size() : sibling.end;
        for (int i = sibling.start; i < end; i++) {
            String name = emitted.get(i);
            if (name.equals(oldKey) || name.startsWith(oldKey + "_")) {
                String renamed = newKey + name.substring(oldKey.length());
                Object value = out.get(name);
                out.remove(name);
                out.put(renamed, value);
                emitted.set(i, renamed);
            }
        }
        sibling.key = newKey;
    }

    private void emit(String fieldName, Object value) {
        out.put(fieldName, section == SYSTEM ? systemValue(fieldName, value) : value);
        emitted.add(fieldName);
    }

    /**
     * A System value typed as every reader types it ({@link SystemFields#normalize}): template-less (forwarded)
     * records carry {@code EventID}, {@code Level}… as text, and one rule must match them as numbers in every format.
     * In a template those values are numbers already; a plan converts only the ones its shape says are text.
     */
    private Object systemValue(String fieldName, Object value) {
        if (!SystemFields.isNumeric(fieldName)) {
            return value;
        }
        if (value instanceof Part part) {
            return part.evaluate(recording) instanceof String ? new Part.SystemValue(fieldName, part) : value;
        }
        return SystemFields.normalize(fieldName, value);
    }

    private String attribute(String attributeName) {
        for (int i = 0; i < attributeCount; i++) {
            if (attributeNames[i].equals(attributeName)) {
                if (attributeValues[i] instanceof Part) {
                    // A field name taken from a value differs from record to record: no plan can fix it.
                    throw new FieldPlan.NotPlannable();
                }
                return Fields.textOf(attributeValues[i]);
            }
        }
        return null;
    }

    private String join(String prefix, String suffix) {
        if (prefix == null) {
            return suffix;
        }
        return joiner.join(prefix, suffix);
    }

    @Override
    public void startAttribute(String attributeName) {
        if (attributeCount == attributeNames.length) {
            attributeNames = java.util.Arrays.copyOf(attributeNames, attributeCount * 2);
            attributeValues = java.util.Arrays.copyOf(attributeValues, attributeCount * 2);
        }
        attributeNames[attributeCount] = attributeName;
        attributeValues[attributeCount] = null;
        inAttribute = true;
        attributeHasValue = false;
    }

    @Override
    public void endAttribute() {
        inAttribute = false;
        // The crate leaves out attributes without a value; so do we.
        if (attributeHasValue) {
            attributeCount++;
        }
    }

    @Override
    public void endElement() {
        if (depth <= 0) {
            return;
        }
        open();
        if (isField(depth)) {
            Object value = kind[depth] == UNNAMED_DATA ? text[depth] : trim(text[depth]);
            switch (kind[depth]) {
                case NAMED_DATA -> emit(key[depth], value);
                case UNNAMED_DATA -> unnamedData(value);
                default -> {
                    if (hasText[depth]) {
                        emit(key[depth], value);
                    } else if (!hasChildren[depth] && !hasAttributes[depth]) {
                        emit(key[depth], null);
                    }
                }
            }
            if (current[depth] != null) {
                current[depth].end = emitted.size();
            }
        }
        depth--;
    }

    /** Unnamed {@code Data} values gather in one list, untrimmed and without nulls, as the crate writes them. */
    private void unnamedData(Object value) {
        if (unnamedData == null) {
            unnamedData = new ArrayList<>(4);
            out.put("Data", null);
        }
        if (recording == null) {
            Part.Gathered.gather(unnamedData, value);
        } else if (value != null) {
            unnamedData.add(value);
        }
    }

    private Object trim(Object value) {
        return value instanceof Part ? new Part.Trimmed(value) : Whitespace.trim(value);
    }

    @Override
    public void text(String literal) {
        // Literal text (template-less records) is trimmed even where substitution values are not (unnamed Data).
        add(Whitespace.trim(literal));
    }

    @Override
    public void value(byte[] data, int type, int offset, int size) {
        if (recording != null) {
            // Not a value of the template instance: the plan would not know where to find it.
            throw new FieldPlan.NotPlannable();
        }
        if (isTimeCreated(type, size)) {
            timeCreated = Bytes.i64(data, offset);
        }
        add(decoder.decode(data, type, offset, size));
    }

    @Override
    public void substitution(int instance, int index, byte[] data, int type, int offset, int size) {
        if (recording == null) {
            value(data, type, offset, size);
            return;
        }
        int position = positions.applyAsInt(instance, index);
        if (isTimeCreated(type, size)) {
            timeCreatedPosition = position;
        }
        add(recording[position] == null ? null : new Part.Substitution(position));
    }

    private boolean isTimeCreated(int type, int size) {
        return type == ValueType.FILETIME && inAttribute && section == SYSTEM && size >= 8
                && name[depth].equals("TimeCreated");
    }

    private void add(Object value) {
        if (inAttribute) {
            if (attributeHasValue) {
                attributeValues[attributeCount] = concat(attributeValues[attributeCount], value);
            } else {
                attributeValues[attributeCount] = value;
                attributeHasValue = value != null;
            }
            return;
        }
        if (depth == 0 || !isField(depth)) {
            return;
        }
        open();
        if (hasText[depth]) {
            text[depth] = concat(text[depth], value);
        } else if (value != null) {
            text[depth] = value;
            hasText[depth] = true;
        }
    }

    private static Object concat(Object first, Object second) {
        if (second == null) {
            return first;
        }
        if (first instanceof Part || second instanceof Part) {
            List<Object> pieces = new ArrayList<>();
            if (first instanceof Part.Joined joined) {
                pieces.addAll(joined.pieces());
            } else {
                pieces.add(first);
            }
            pieces.add(second);
            return new Part.Joined(pieces);
        }
        return Fields.textOf(first) + Fields.textOf(second);
    }

    @Override
    public void charRef(int codePoint) {
        add(Character.isValidCodePoint(codePoint) ? new String(Character.toChars(codePoint)) : "\uFFFD");
    }

    @Override
    public void entityRef(String entity) {
        add(Entities.text(entity));
    }

    @Override
    public void cdata(String data) {
        add(data);
    }

    @Override
    public void processingInstruction(String target, String data) {
        // Processing instructions are not event data; the XML view shows them.
    }
}
