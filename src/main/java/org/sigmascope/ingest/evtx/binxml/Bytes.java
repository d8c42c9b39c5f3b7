package org.sigmascope.ingest.evtx.binxml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Little-endian reads from a byte array (every EVTX integer is little-endian). The array view handles check
 * bounds, so a damaged offset throws {@link IndexOutOfBoundsException} instead of reading past the data; the
 * record parser turns that into a located error.
 */
public final class Bytes {
    private static final VarHandle I16 = MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I32 = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle I64 = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private static final byte[] ZEROS = new byte[ChunkContext.CHUNK_SIZE];

    private Bytes() {
    }

    public static int u8(byte[] data, int offset) {
        return data[offset] & 0xff;
    }

    public static int u16(byte[] data, int offset) {
        return (short) I16.get(data, offset) & 0xffff;
    }

    public static short i16(byte[] data, int offset) {
        return (short) I16.get(data, offset);
    }

    public static int i32(byte[] data, int offset) {
        return (int) I32.get(data, offset);
    }

    public static long u32(byte[] data, int offset) {
        return i32(data, offset) & 0xffff_ffffL;
    }

    public static long i64(byte[] data, int offset) {
        return (long) I64.get(data, offset);
    }

    /** Whether {@code length} bytes from {@code offset} are all zero. */
    public static boolean allZero(byte[] data, int offset, int length) {
        // Arrays.mismatch is vectorized: an empty 64 KiB chunk (preallocated logs have many) is checked in a
        // fraction of the time of a loop over longs.
        for (int done = 0; done < length; done += ZEROS.length) {
            int n = Math.min(ZEROS.length, length - done);
            if (Arrays.mismatch(data, offset + done, offset + done + n, ZEROS, 0, n) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** Whether any of the eight bytes of {@code word} is {@code 0x2A} (the first byte of a record signature). */
    public static boolean hasAsterisk(long word) {
        long x = word ^ 0x2A2A_2A2A_2A2A_2A2AL;
        return ((x - 0x0101_0101_0101_0101L) & ~x & 0x8080_8080_8080_8080L) != 0;
    }
}
