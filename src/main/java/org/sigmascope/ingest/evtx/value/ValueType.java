package org.sigmascope.ingest.evtx.value;

/**
 * BinXML value types (evtx-checklist "Value types"; MS-EVEN6 2.2.18). The 0x80 bit marks an array of the base
 * type.
 */
public final class ValueType {
    public static final int NULL = 0x00;
    public static final int STRING = 0x01;
    public static final int ANSI_STRING = 0x02;
    public static final int INT8 = 0x03;
    public static final int UINT8 = 0x04;
    public static final int INT16 = 0x05;
    public static final int UINT16 = 0x06;
    public static final int INT32 = 0x07;
    public static final int UINT32 = 0x08;
    public static final int INT64 = 0x09;
    public static final int UINT64 = 0x0A;
    public static final int FLOAT = 0x0B;
    public static final int DOUBLE = 0x0C;
    public static final int BOOL = 0x0D;
    public static final int BINARY = 0x0E;
    public static final int GUID = 0x0F;
    public static final int SIZE_T = 0x10;
    public static final int FILETIME = 0x11;
    public static final int SYSTEMTIME = 0x12;
    public static final int SID = 0x13;
    public static final int HEX32 = 0x14;
    public static final int HEX64 = 0x15;
    public static final int EVT_HANDLE = 0x20;
    public static final int BINXML = 0x21;
    public static final int EVT_XML = 0x23;
    public static final int ARRAY = 0x80;

    private ValueType() {
    }

    public static boolean isArray(int type) {
        return (type & ARRAY) != 0;
    }

    /** Size of one item of a fixed-size type, or -1 for types whose items vary in size. */
    static int fixedSize(int baseType, int valueSize) {
        return switch (baseType) {
            case INT8, UINT8 -> 1;
            case INT16, UINT16 -> 2;
            case INT32, UINT32, FLOAT, BOOL, HEX32 -> 4;
            case INT64, UINT64, DOUBLE, FILETIME, HEX64 -> 8;
            case GUID, SYSTEMTIME -> 16;
            case SIZE_T -> valueSize % 8 == 0 ? 8 : 4;
            default -> -1;
        };
    }

    public static String name(int type) {
        String base = switch (type & ~ARRAY) {
            case NULL -> "null";
            case STRING -> "string";
            case ANSI_STRING -> "ansi string";
            case INT8 -> "int8";
            case UINT8 -> "uint8";
            case INT16 -> "int16";
            case UINT16 -> "uint16";
            case INT32 -> "int32";
            case UINT32 -> "uint32";
            case INT64 -> "int64";
            case UINT64 -> "uint64";
            case FLOAT -> "float";
            case DOUBLE -> "double";
            case BOOL -> "bool";
            case BINARY -> "binary";
            case GUID -> "guid";
            case SIZE_T -> "size_t";
            case FILETIME -> "filetime";
            case SYSTEMTIME -> "systemtime";
            case SID -> "sid";
            case HEX32 -> "hex32";
            case HEX64 -> "hex64";
            case EVT_HANDLE -> "evt handle";
            case BINXML -> "binxml";
            case EVT_XML -> "evt xml";
            default -> "0x" + Integer.toHexString(type & ~ARRAY);
        };
        return isArray(type) ? base + " array" : base;
    }
}
