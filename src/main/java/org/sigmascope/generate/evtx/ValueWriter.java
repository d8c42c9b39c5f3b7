package org.sigmascope.generate.evtx;

import java.util.HashMap;
import java.util.Map;

import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.WinGuid;

/**
 * Writes substitution values in their binary form (docs/evtx-checklist.md, "Value types"). Strings carry no
 * terminator: their length is in the value descriptor.
 */
final class ValueWriter {
    static final int NULL = 0x00;
    static final int FILETIME = 0x11;
    static final int BINXML = 0x21;

    private final Map<String, byte[]> sids = new HashMap<>();

    /** Writes the value and returns its type code for the descriptor. */
    int write(ChunkBuffer buffer, FieldType type, Object value) {
        if (value == null) {
            return NULL;
        }
        switch (type) {
            case STRING -> buffer.utf16((String) value);
            case UINT8 -> buffer.u8(((Long) value).intValue());
            case UINT16 -> buffer.u16(((Long) value).intValue());
            case INT32, UINT32, HEX32 -> buffer.u32((Long) value);
            case UINT64, HEX64, POINTER -> buffer.u64((Long) value);
            case BOOL -> buffer.u32(((Boolean) value) ? 1 : 0);
            case GUID -> guid(buffer, (WinGuid) value);
            case SID -> buffer.bytes(sids.computeIfAbsent((String) value, ValueWriter::sidBytes));
            default -> throw new IllegalArgumentException(type.toString());
        }
        return type.valueCode();
    }

    static void guid(ChunkBuffer buffer, WinGuid guid) {
        guid.writeTo(buffer.bytes, buffer.skip(16));
    }

    /** {@code S-1-5-21-…}: revision, sub-authority count, 48-bit big-endian authority, little-endian sub-authorities. */
    static byte[] sidBytes(String sid) {
        String[] parts = sid.split("-");
        if (parts.length < 3 || !parts[0].equals("S")) {
            throw new IllegalArgumentException("not a SID: " + sid);
        }
        int count = parts.length - 3;
        byte[] bytes = new byte[8 + 4 * count];
        bytes[0] = (byte) Integer.parseInt(parts[1]);
        bytes[1] = (byte) count;
        long authority = Long.parseLong(parts[2]);
        for (int i = 0; i < 6; i++) {
            bytes[2 + i] = (byte) (authority >>> (8 * (5 - i)));
        }
        for (int i = 0; i < count; i++) {
            long sub = Long.parseLong(parts[3 + i]);
            for (int b = 0; b < 4; b++) {
                bytes[8 + 4 * i + b] = (byte) (sub >>> (8 * b));
            }
        }
        return bytes;
    }
}
