package org.sigmascope.generate.event;

/**
 * Field values as text, the way each tool renders them: the Rust evtx crate (GUIDs upper case without braces,
 * hex as {@code 0x1a4}) and EvtxECmd (GUIDs lower case, hex digits upper case).
 */
public final class ValueText {
    private ValueText() {
    }

    /** As the evtx crate's JSON shows a non-numeric value; numbers as decimal. */
    public static String crate(FieldType type, Object value) {
        if (value == null) {
            return null;
        }
        return switch (type) {
            case GUID -> ((WinGuid) value).text();
            case HEX32, HEX64, POINTER -> "0x" + Long.toHexString((Long) value);
            default -> value.toString();
        };
    }

    /** As EvtxECmd's Payload column shows it. */
    public static String evtxecmd(FieldType type, Object value) {
        if (value == null) {
            return "";
        }
        return switch (type) {
            case GUID -> ((WinGuid) value).text().toLowerCase(java.util.Locale.ROOT);
            case HEX32, HEX64, POINTER -> "0x" + Long.toHexString((Long) value).toUpperCase(java.util.Locale.ROOT);
            case BOOL -> ((Boolean) value) ? "True" : "False";
            default -> value.toString();
        };
    }
}
