package org.sigmascope.ingest.evtx.binxml;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.sigmascope.ingest.evtx.value.ValueType;

/**
 * Compiles BinXML element tokens (evtx-checklist "BinXML tokens") into a {@link Program}. Used for template
 * definitions, which are compiled once per chunk, and for template-less element trees.
 *
 * <p>Open-element tokens carry a u16 dependency id inside template definitions only; element trees written
 * directly in a record or in a nested BinXML value have none.
 */
final class TemplateCompiler {
    private static final int MAX_ELEMENT_DEPTH = 128;

    private final ChunkContext context;
    private byte[] data;
    private int limit;
    private boolean dependencyIds;
    private int[] ops = new int[256];
    private int size;
    private final List<String> strings = new ArrayList<>();
    /** Per string: where it was written as literal text, or -1 (kept for element trees, see {@link Program}). */
    private int[] literalOffsets = new int[64];
    private int[] literalChars = new int[64];
    private int end;

    TemplateCompiler(ChunkContext context) {
        this.context = context;
    }

    int end() {
        return end;
    }

    Program compile(int start, int limit, boolean dependencyIds) {
        this.data = context.data();
        this.limit = limit;
        this.dependencyIds = dependencyIds;
        this.size = 0;
        this.strings.clear();
        int p = start;
        // One root element; the end-of-stream token after it is left to the caller (a record may go on).
        while (p < limit && token(p) == Tokens.FRAGMENT_HEADER) {
            p += 4;
        }
        if (p < limit && token(p) == Tokens.OPEN_START_ELEMENT) {
            p = element(p, 0);
        } else if (p < limit && token(p) != Tokens.EOF) {
            throw error(p, "unexpected token 0x" + Integer.toHexString(data[p] & 0xff) + " where an element starts");
        }
        end = p;
        String[] table = strings.toArray(new String[0]);
        if (dependencyIds) {
            return new Program(Arrays.copyOf(ops, size), table);
        }
        return new Program(Arrays.copyOf(ops, size), table, Arrays.copyOf(literalOffsets, table.length),
                Arrays.copyOf(literalChars, table.length));
    }

    private int token(int p) {
        if (p >= limit) {
            throw error(p, "BinXML ends inside an element");
        }
        return data[p] & ~Tokens.MORE_BIT & 0xff;
    }

    private int element(int p, int depth) {
        if (depth > MAX_ELEMENT_DEPTH) {
            throw error(p, "elements nested deeper than " + MAX_ELEMENT_DEPTH);
        }
        boolean hasAttributes = (data[p] & Tokens.MORE_BIT) != 0;
        p += 1;
        if (dependencyIds) {
            p += 2;
        }
        p += 4;
        int nameOffset = Bytes.i32(data, p);
        p += 4;
        String name = context.name(nameOffset);
        if (nameOffset == p) {
            p += context.nameSize(p);
        }
        if (hasAttributes) {
            p += 4;
        }
        int open = emit(Program.OPEN, string(name), -1, 0);
        while (token(p) == Tokens.ATTRIBUTE) {
            p = attribute(p);
        }
        int token = token(p);
        int contentStart = size;
        if (token == Tokens.CLOSE_EMPTY_ELEMENT) {
            p++;
        } else if (token == Tokens.CLOSE_START_ELEMENT) {
            p = content(p + 1, depth);
        } else {
            throw error(p, "expected the end of <" + name + ">'s start tag, found token 0x"
                    + Integer.toHexString(data[p] & 0xff));
        }
        ops[open + 2] = optionalOnly(contentStart);
        emit(Program.END);
        ops[open + 3] = size;
        return p;
    }

    private int attribute(int p) {
        int nameOffset = Bytes.i32(data, p + 1);
        p += 5;
        String name = context.name(nameOffset);
        if (nameOffset == p) {
            p += context.nameSize(p);
        }
        int open = emit(Program.ATTR, string(name), -1, 0);
        int valueStart = size;
        boolean more = true;
        while (more) {
            switch (token(p)) {
                case Tokens.VALUE -> p = value(p);
                case Tokens.NORMAL_SUBSTITUTION, Tokens.OPTIONAL_SUBSTITUTION -> p = substitution(p);
                case Tokens.CHAR_REF -> p = charRef(p);
                case Tokens.ENTITY_REF -> p = entityRef(p);
                default -> more = false;
            }
        }
        ops[open + 2] = optionalOnly(valueStart);
        emit(Program.ATTR_END);
        ops[open + 3] = size;
        return p;
    }

    private int content(int p, int depth) {
        while (true) {
            switch (token(p)) {
                case Tokens.OPEN_START_ELEMENT -> p = element(p, depth + 1);
                case Tokens.VALUE -> p = value(p);
                case Tokens.NORMAL_SUBSTITUTION, Tokens.OPTIONAL_SUBSTITUTION -> p = substitution(p);
                case Tokens.CDATA -> {
                    int length = Bytes.u16(data, p + 1);
                    check(p + 3 + 2 * length);
                    emit(Program.CDATA, string(context.text().utf16(data, p + 3, length)));
                    p += 3 + 2 * length;
                }
                case Tokens.CHAR_REF -> p = charRef(p);
                case Tokens.ENTITY_REF -> p = entityRef(p);
                case Tokens.PI_TARGET -> p = processingInstruction(p);
                case Tokens.TEMPLATE_INSTANCE -> {
                    emit(Program.INSTANCE, p);
                    p = Instances.end(context, p, limit);
                }
                case Tokens.END_ELEMENT -> {
                    return p + 1;
                }
                default -> throw error(p, "unexpected token 0x" + Integer.toHexString(data[p] & 0xff)
                        + " in element content");
            }
        }
    }

    /** A value token: u8 type, then a UTF-16 string (u16 count + chars) or a fixed-size value. */
    private int value(int p) {
        int type = Bytes.u8(data, p + 1);
        if (type == ValueType.STRING) {
            int length = Bytes.u16(data, p + 2);
            check(p + 4 + 2 * length);
            // An element tree's text is read when it is run (most of it is values, which a replayed plan decodes
            // itself); a template's is part of the template and decoded once.
            int text = string(dependencyIds ? context.literal(p + 4, length) : null);
            literalOffsets[text] = p + 4;
            literalChars[text] = length;
            emit(Program.TEXT, text);
            return p + 4 + 2 * length;
        }
        int valueSize = switch (type) {
            case ValueType.INT8, ValueType.UINT8 -> 1;
            case ValueType.INT16, ValueType.UINT16 -> 2;
            case ValueType.INT32, ValueType.UINT32, ValueType.FLOAT, ValueType.BOOL, ValueType.HEX32 -> 4;
            case ValueType.INT64, ValueType.UINT64, ValueType.DOUBLE, ValueType.FILETIME, ValueType.HEX64,
                    ValueType.SIZE_T -> 8;
            case ValueType.GUID, ValueType.SYSTEMTIME -> 16;
            default -> throw error(p, "value token of type " + ValueType.name(type) + " has no known size");
        };
        check(p + 2 + valueSize);
        emit(Program.VALUE, type, p + 2, valueSize);
        return p + 2 + valueSize;
    }

    private int substitution(int p) {
        int index = Bytes.u16(data, p + 1);
        boolean optional = token(p) == Tokens.OPTIONAL_SUBSTITUTION;
        emit(Program.SUBST, optional ? -index - 1 : index);
        return p + 4;
    }

    private int charRef(int p) {
        emit(Program.CHAR_REF, Bytes.u16(data, p + 1));
        return p + 3;
    }

    private int entityRef(int p) {
        int nameOffset = Bytes.i32(data, p + 1);
        p += 5;
        emit(Program.ENTITY, string(context.name(nameOffset)));
        if (nameOffset == p) {
            p += context.nameSize(p);
        }
        return p;
    }

    /** PI target (name offset), then PI data (u16 count + UTF-16). */
    private int processingInstruction(int p) {
        int nameOffset = Bytes.i32(data, p + 1);
        p += 5;
        String target = context.name(nameOffset);
        if (nameOffset == p) {
            p += context.nameSize(p);
        }
        String text = "";
        if (p < limit && token(p) == Tokens.PI_DATA) {
            int length = Bytes.u16(data, p + 1);
            check(p + 3 + 2 * length);
            text = context.text().utf16(data, p + 3, length);
            p += 3 + 2 * length;
        }
        emit(Program.PI, string(target), string(text));
        return p;
    }

    /**
     * The substitution index when the ops from {@code start} are exactly one optional substitution (so the
     * element or attribute is left out when the value is null or empty), else -1.
     */
    private int optionalOnly(int start) {
        if (size - start == 2 && ops[start] == Program.SUBST && ops[start + 1] < 0) {
            return -ops[start + 1] - 1;
        }
        return -1;
    }

    private void check(int position) {
        if (position > limit) {
            throw error(position, "BinXML runs past its end");
        }
    }

    private int string(String value) {
        int index = strings.size();
        strings.add(value);
        if (index == literalOffsets.length) {
            literalOffsets = Arrays.copyOf(literalOffsets, index * 2);
            literalChars = Arrays.copyOf(literalChars, index * 2);
        }
        literalOffsets[index] = -1;
        return index;
    }

    /** Appends one instruction (fixed arities, not varargs: an element tree is compiled per template-less record). */
    private int emit(int op) {
        int at = room(1);
        ops[at] = op;
        return at;
    }

    private int emit(int op, int a) {
        int at = room(2);
        ops[at] = op;
        ops[at + 1] = a;
        return at;
    }

    private int emit(int op, int a, int b) {
        int at = room(3);
        ops[at] = op;
        ops[at + 1] = a;
        ops[at + 2] = b;
        return at;
    }

    private int emit(int op, int a, int b, int c) {
        int at = room(4);
        ops[at] = op;
        ops[at + 1] = a;
        ops[at + 2] = b;
        ops[at + 3] = c;
        return at;
    }

    /** Makes room for {@code words} more words; returns where they go. */
    private int room(int words) {
        if (size + words > ops.length) {
            ops = Arrays.copyOf(ops, Math.max(ops.length * 2, size + words));
        }
        int at = size;
        size += words;
        return at;
    }

    private static BinXmlException error(int offset, String message) {
        return new BinXmlException(offset, message);
    }
}
