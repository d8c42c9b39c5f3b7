package org.sigmascope.generate.event;

/**
 * A Windows GUID, kept as its four parts so it can be written in the mixed-endian binary form and rendered as
 * text the way each tool does.
 *
 * @param data1 the first 32 bits
 * @param data2 the next 16 bits
 * @param data3 the next 16 bits
 * @param data4 the last 8 bytes, big-endian in this long (first byte in the top bits)
 */
public record WinGuid(int data1, short data2, short data3, long data4) {

    public static final WinGuid ZERO = new WinGuid(0, (short) 0, (short) 0, 0L);

    /** Parses {@code XXXXXXXX-XXXX-XXXX-XXXX-XXXXXXXXXXXX}, with or without braces. */
    public static WinGuid parse(String text) {
        String t = text.startsWith("{") ? text.substring(1, text.length() - 1) : text;
        String[] parts = t.split("-");
        if (parts.length != 5) {
            throw new IllegalArgumentException("not a GUID: " + text);
        }
        return new WinGuid((int) Long.parseLong(parts[0], 16), (short) Integer.parseInt(parts[1], 16),
                (short) Integer.parseInt(parts[2], 16), Long.parseUnsignedLong(parts[3] + parts[4], 16));
    }

    /** From 16 bytes of a hash: a name-based GUID, the way template ids look. */
    public static WinGuid fromBytes(byte[] bytes) {
        int d1 = (bytes[0] & 0xff) | (bytes[1] & 0xff) << 8 | (bytes[2] & 0xff) << 16 | (bytes[3] & 0xff) << 24;
        short d2 = (short) ((bytes[4] & 0xff) | (bytes[5] & 0xff) << 8);
        short d3 = (short) ((bytes[6] & 0xff) | (bytes[7] & 0xff) << 8);
        long d4 = 0;
        for (int i = 8; i < 16; i++) {
            d4 = d4 << 8 | (bytes[i] & 0xff);
        }
        return new WinGuid(d1, d2, d3, d4);
    }

    /** The 16 bytes as Windows stores them: data1–data3 little-endian, data4 as is. */
    public void writeTo(byte[] target, int offset) {
        target[offset] = (byte) data1;
        target[offset + 1] = (byte) (data1 >>> 8);
        target[offset + 2] = (byte) (data1 >>> 16);
        target[offset + 3] = (byte) (data1 >>> 24);
        target[offset + 4] = (byte) data2;
        target[offset + 5] = (byte) (data2 >>> 8);
        target[offset + 6] = (byte) data3;
        target[offset + 7] = (byte) (data3 >>> 8);
        for (int i = 0; i < 8; i++) {
            target[offset + 8 + i] = (byte) (data4 >>> (56 - 8 * i));
        }
    }

    /** Upper case without braces, as the Rust evtx crate renders GUIDs. */
    public String text() {
        char[] c = new char[36];
        hex(c, 0, data1 & 0xffffffffL, 8);
        c[8] = '-';
        hex(c, 9, data2 & 0xffff, 4);
        c[13] = '-';
        hex(c, 14, data3 & 0xffff, 4);
        c[18] = '-';
        hex(c, 19, (data4 >>> 48) & 0xffff, 4);
        c[23] = '-';
        hex(c, 24, data4 & 0xffffffffffffL, 12);
        return new String(c);
    }

    private static void hex(char[] target, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            target[at + i] = "0123456789ABCDEF".charAt((int) (value & 0xf));
            value >>>= 4;
        }
    }

    /** Upper case in braces, as Windows shows GUIDs in Event Viewer and Sysmon writes them. */
    public String braced() {
        return "{" + text() + "}";
    }

    @Override
    public String toString() {
        return braced();
    }
}
