package org.sigmascope.generate.evtx;

import java.util.Arrays;

/**
 * The 65,536 bytes of one chunk, written little-endian at a moving position. Every offset inside BinXML is
 * relative to the chunk start, so records are encoded straight into this buffer.
 */
final class ChunkBuffer {
    static final int SIZE = 65_536;
    static final int HEADER_SIZE = 512;
    /**
     * Records end before the chunk's last 8 bytes: libevtx drops a record that ends exactly at 65,536, and Windows
     * never fills a chunk to its last byte anyway (the corpus shows at least 96 bytes of slack).
     */
    static final int RECORD_LIMIT = SIZE - 8;

    final byte[] bytes = new byte[SIZE];
    private int position = HEADER_SIZE;

    int position() {
        return position;
    }

    /** Forgets everything after {@code offset} (a record that did not fit), leaving zeros behind. */
    void truncate(int offset) {
        Arrays.fill(bytes, offset, position, (byte) 0);
        position = offset;
    }

    void reset() {
        Arrays.fill(bytes, (byte) 0);
        position = HEADER_SIZE;
    }

    private int reserve(int length) {
        int at = position;
        if (at + length > RECORD_LIMIT) {
            throw ChunkFull.INSTANCE;
        }
        position = at + length;
        return at;
    }

    void u8(int value) {
        bytes[reserve(1)] = (byte) value;
    }

    void u16(int value) {
        int at = reserve(2);
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
    }

    void u32(long value) {
        putU32(reserve(4), value);
    }

    void u64(long value) {
        int at = reserve(8);
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }

    void bytes(byte[] source) {
        System.arraycopy(source, 0, bytes, reserve(source.length), source.length);
    }

    /** UTF-16LE code units, no count, no terminator. */
    void utf16(String text) {
        int length = text.length();
        int at = reserve(2 * length);
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            bytes[at + 2 * i] = (byte) c;
            bytes[at + 2 * i + 1] = (byte) (c >>> 8);
        }
    }

    /** Makes room for {@code length} bytes to be patched later; returns their offset. */
    int skip(int length) {
        return reserve(length);
    }

    void putU16(int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
    }

    void putU32(int at, long value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
        bytes[at + 2] = (byte) (value >>> 16);
        bytes[at + 3] = (byte) (value >>> 24);
    }

    void putU64(int at, long value) {
        for (int i = 0; i < 8; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
