package org.sigmascope.generate.event;

/**
 * The value types the generated events use, with their BinXML type codes (MS-EVEN6 value types; see
 * docs/evtx-checklist.md, "Value types").
 *
 * <p>Windows declares {@code size_t} (0x10) in templates for process ids of Security events, and then writes the
 * value as a 64-bit hex integer (0x15) on 64-bit systems; {@link #POINTER} keeps both codes.
 */
public enum FieldType {
    STRING(0x01, 0x01),
    UINT8(0x04, 0x04),
    UINT16(0x06, 0x06),
    INT32(0x07, 0x07),
    UINT32(0x08, 0x08),
    UINT64(0x0A, 0x0A),
    BOOL(0x0D, 0x0D),
    GUID(0x0F, 0x0F),
    POINTER(0x10, 0x15),
    SID(0x13, 0x13),
    HEX32(0x14, 0x14),
    HEX64(0x15, 0x15);

    private final int templateCode;
    private final int valueCode;

    FieldType(int templateCode, int valueCode) {
        this.templateCode = templateCode;
        this.valueCode = valueCode;
    }

    /** The type the template's substitution declares. */
    public int templateCode() {
        return templateCode;
    }

    /** The type the record's value descriptor carries. */
    public int valueCode() {
        return valueCode;
    }

    /** Whether Windows renders the value as {@code 0x…} hex text. */
    public boolean isHex() {
        return this == POINTER || this == HEX32 || this == HEX64;
    }

    /** Whether the value is a number (rendered as a JSON number by the evtx crate). */
    public boolean isNumber() {
        return this == UINT8 || this == UINT16 || this == INT32 || this == UINT32 || this == UINT64;
    }
}
