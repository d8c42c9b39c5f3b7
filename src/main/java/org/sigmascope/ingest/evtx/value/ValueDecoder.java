package org.sigmascope.ingest.evtx.value;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.sigmascope.ingest.evtx.binxml.Bytes;

/**
 * Decodes one BinXML value to the field value types of {@link org.sigmascope.model.Fields} (evtx-checklist
 * "Value types"): integers as {@link Long} (a uint64 above the signed range as its decimal text), floats as
 * {@link Double}, booleans as {@link Boolean}, arrays as lists, everything else as the text Event Viewer shows
 * (upper-case hex for binary, {@code {GUID}}, {@code S-1-…}, {@code 0x3e7} for hex types, ISO-8601 times).
 * Nested BinXML (0x21) is not a value: the evaluator expands it before it gets here.
 */
public final class ValueDecoder {
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.ISO_8859_1);

    private final TextDecoder text = new TextDecoder();
    private final AsciiText ascii = new AsciiText();

    public TextDecoder text() {
        return text;
    }

    /** The value, or {@code null} for the null type. Throws {@link IndexOutOfBoundsException} past the data. */
    public Object decode(byte[] data, int type, int offset, int size) {
        if (ValueType.isArray(type)) {
            return array(data, type & ~ValueType.ARRAY, offset, size);
        }
        return switch (type) {
            case ValueType.NULL -> null;
            case ValueType.STRING, ValueType.EVT_XML -> text.utf16(data, offset, size / 2);
            case ValueType.ANSI_STRING -> text.ansi(data, offset, size);
            case ValueType.INT8 -> size < 1 ? null : (long) data[offset];
            case ValueType.UINT8 -> size < 1 ? null : (long) (data[offset] & 0xff);
            case ValueType.INT16 -> size < 2 ? null : (long) Bytes.i16(data, offset);
            case ValueType.UINT16 -> size < 2 ? null : (long) Bytes.u16(data, offset);
            case ValueType.INT32 -> size < 4 ? null : (long) Bytes.i32(data, offset);
            case ValueType.UINT32 -> size < 4 ? null : Bytes.u32(data, offset);
            case ValueType.INT64 -> size < 8 ? null : Bytes.i64(data, offset);
            case ValueType.UINT64 -> size < 8 ? null : unsigned(Bytes.i64(data, offset));
            case ValueType.FLOAT -> size < 4 ? null : (double) Float.intBitsToFloat(Bytes.i32(data, offset));
            case ValueType.DOUBLE -> size < 8 ? null : Double.longBitsToDouble(Bytes.i64(data, offset));
            case ValueType.BOOL -> size < 1 ? null : bool(data, offset, size);
            case ValueType.BINARY -> hex(data, offset, size);
            case ValueType.GUID -> size < 16 ? null : guid(data, offset);
            case ValueType.SIZE_T, ValueType.EVT_HANDLE -> size >= 8 ? hex64(Bytes.i64(data, offset))
                    : size >= 4 ? hex64(Bytes.u32(data, offset)) : null;
            case ValueType.FILETIME -> size < 8 ? null : TimeText.filetime(ascii, Bytes.i64(data, offset));
            case ValueType.SYSTEMTIME -> size < 16 ? null : systemtime(data, offset);
            case ValueType.SID -> size < 8 ? null : sid(data, offset, size);
            case ValueType.HEX32 -> size < 4 ? null : hex64(Bytes.u32(data, offset));
            case ValueType.HEX64 -> size < 8 ? null : hex64(Bytes.i64(data, offset));
            default -> hex(data, offset, size);
        };
    }

    private static Object unsigned(long value) {
        return value >= 0 ? (Object) value : Long.toUnsignedString(value);
    }

    /** Windows writes booleans as 32-bit integers; any non-zero value is true (some writers use 0xFFFFFFFF). */
    private static Boolean bool(byte[] data, int offset, int size) {
        for (int i = 0; i < Math.min(size, 4); i++) {
            if (data[offset + i] != 0) {
                return Boolean.TRUE;
            }
        }
        return Boolean.FALSE;
    }

    private List<Object> array(byte[] data, int baseType, int offset, int size) {
        List<Object> items = new ArrayList<>();
        int end = offset + size;
        if (baseType == ValueType.STRING) {
            int start = offset;
            for (int p = offset; p + 1 < end; p += 2) {
                if (data[p] == 0 && data[p + 1] == 0) {
                    items.add(text.utf16(data, start, (p - start) / 2));
                    start = p + 2;
                }
            }
            if (start + 1 < end) {
                items.add(text.utf16(data, start, (end - start) / 2));
            }
            return items;
        }
        if (baseType == ValueType.ANSI_STRING) {
            int start = offset;
            for (int p = offset; p < end; p++) {
                if (data[p] == 0) {
                    items.add(text.ansi(data, start, p - start));
                    start = p + 1;
                }
            }
            if (start < end) {
                items.add(text.ansi(data, start, end - start));
            }
            return items;
        }
        if (baseType == ValueType.SID) {
            int p = offset;
            while (p + 8 <= end) {
                int length = 8 + 4 * Bytes.u8(data, p + 1);
                items.add(sid(data, p, Math.min(length, end - p)));
                p += length;
            }
            return items;
        }
        int item = ValueType.fixedSize(baseType, size);
        if (item <= 0) {
            items.add(hex(data, offset, size));
            return items;
        }
        for (int p = offset; p + item <= end; p += item) {
            items.add(decode(data, baseType, p, item));
        }
        return items;
    }

    /** Binary as upper-case hex, two digits a byte. */
    static String hex(byte[] data, int offset, int size) {
        byte[] out = new byte[size * 2];
        for (int i = 0; i < size; i++) {
            int b = data[offset + i] & 0xff;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 0xf];
        }
        return new String(out, StandardCharsets.ISO_8859_1);
    }

    /** {@code 0x3e7}: lower-case, no zero padding, as Event Viewer shows hex values. */
    private String hex64(long value) {
        return ascii.clear().append('0').append('x').hex(value, false).text();
    }

    /** Mixed-endian GUID: the first three groups little-endian, the last two as stored. */
    private String guid(byte[] data, int offset) {
        AsciiText out = ascii.clear().append('{');
        hexBytes(out, data, offset + 3, offset - 1, -1).append('-');
        hexBytes(out, data, offset + 5, offset + 3, -1).append('-');
        hexBytes(out, data, offset + 7, offset + 5, -1).append('-');
        hexBytes(out, data, offset + 8, offset + 10, 1).append('-');
        return hexBytes(out, data, offset + 10, offset + 16, 1).append('}').text();
    }

    private static AsciiText hexBytes(AsciiText out, byte[] data, int from, int to, int step) {
        for (int i = from; i != to; i += step) {
            out.hexByte(data[i] & 0xff);
        }
        return out;
    }

    private String systemtime(byte[] data, int offset) {
        return TimeText.systemtime(ascii, Bytes.u16(data, offset), Bytes.u16(data, offset + 2),
                Bytes.u16(data, offset + 6), Bytes.u16(data, offset + 8), Bytes.u16(data, offset + 10),
                Bytes.u16(data, offset + 12), Bytes.u16(data, offset + 14));
    }

    /** {@code S-1-5-21-…}: revision, count, 48-bit big-endian authority, then the sub-authorities. */
    private String sid(byte[] data, int offset, int size) {
        int revision = Bytes.u8(data, offset);
        int count = Bytes.u8(data, offset + 1);
        long authority = 0;
        for (int i = 2; i < 8; i++) {
            authority = authority << 8 | (data[offset + i] & 0xff);
        }
        AsciiText out = ascii.clear().append('S').append('-').digits(revision, 1).append('-');
        if (authority >= 1L << 32) {
            out.append('0').append('x').hex(authority, true);
        } else {
            out.digits(authority, 1);
        }
        for (int i = 0; i < count && 8 + 4 * i + 4 <= size; i++) {
            out.append('-').digits(Bytes.u32(data, offset + 8 + 4 * i), 1);
        }
        return out.text();
    }
}
