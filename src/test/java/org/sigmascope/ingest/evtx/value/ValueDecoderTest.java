package org.sigmascope.ingest.evtx.value;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * The hand-written formatting of values (no {@code StringBuilder} or {@code String.format} per value) against the
 * JDK's own formatting, on edge values and on random ones.
 */
class ValueDecoderTest {
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final ValueDecoder decoder = new ValueDecoder();
    private final Random random = new Random(7);

    /** The low {@code size} bytes of {@code value}, little-endian. */
    private static byte[] le(long value, int size) {
        return Arrays.copyOf(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(value).array(), size);
    }

    @Test
    void hexValuesAsEventViewerShowsThem() {
        long[] values = {0, 1, 0xf, 0x10, 0x3e7, 0x8020000000000000L, -1, Long.MAX_VALUE, Long.MIN_VALUE};
        for (long value : values) {
            assertEquals("0x" + Long.toHexString(value), decoder.decode(le(value, 8), ValueType.HEX64, 0, 8));
            assertEquals("0x" + Long.toHexString(value & 0xffff_ffffL),
                    decoder.decode(le(value, 4), ValueType.HEX32, 0, 4));
        }
        for (int i = 0; i < 10_000; i++) {
            long value = random.nextLong() >>> random.nextInt(64);
            assertEquals("0x" + Long.toHexString(value), decoder.decode(le(value, 8), ValueType.SIZE_T, 0, 8));
        }
    }

    @Test
    void guidsMixedEndianUpperCase() {
        for (int i = 0; i < 1000; i++) {
            UUID uuid = new UUID(random.nextLong(), random.nextLong());
            ByteBuffer bytes = ByteBuffer.allocate(16);
            bytes.order(ByteOrder.LITTLE_ENDIAN).putInt((int) (uuid.getMostSignificantBits() >>> 32))
                    .putShort((short) (uuid.getMostSignificantBits() >>> 16)).putShort((short) uuid.getMostSignificantBits());
            bytes.order(ByteOrder.BIG_ENDIAN).putLong(uuid.getLeastSignificantBits());
            assertEquals("{" + uuid.toString().toUpperCase(Locale.ROOT) + "}",
                    decoder.decode(bytes.array(), ValueType.GUID, 0, 16));
        }
    }

    @Test
    void filetimesAndSystemtimesToTheTick() {
        Instant epoch1601 = Instant.parse("1601-01-01T00:00:00Z");
        long[] ticks = {0, 1, 9_999_999, 10_000_000, 131_124_339_716_816_408L, 2_650_467_743_999_999_999L};
        for (long tick : ticks) {
            assertEquals(iso(epoch1601.plus(tick / 10, ChronoUnit.MICROS).plusNanos(tick % 10 * 100)),
                    decoder.decode(le(tick, 8), ValueType.FILETIME, 0, 8));
        }
        for (int i = 0; i < 10_000; i++) {
            long tick = Math.floorMod(random.nextLong(), 2_650_467_744_000_000_000L);
            assertEquals(iso(epoch1601.plus(tick / 10, ChronoUnit.MICROS).plusNanos(tick % 10 * 100)),
                    decoder.decode(le(tick, 8), ValueType.FILETIME, 0, 8));
        }
        assertEquals(Long.toUnsignedString(-5), decoder.decode(le(-5, 8), ValueType.FILETIME, 0, 8));
        ByteBuffer systemtime = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : new int[] {2016, 7, 5, 8, 18, 2, 51, 681}) {
            systemtime.putShort((short) v);
        }
        assertEquals("2016-07-08T18:02:51.6810000Z", decoder.decode(systemtime.array(), ValueType.SYSTEMTIME, 0, 16));
    }

    /** {@code 2016-07-08T18:12:51.6816408Z}: seven fraction digits, always. */
    private static String iso(Instant instant) {
        return ISO.format(instant);
    }

    @Test
    void sidsWithEveryAuthority() {
        assertEquals("S-1-5-18", decoder.decode(sid(1, 5, 18), ValueType.SID, 0, 12));
        assertEquals("S-1-5-21-3623811015-3361044348-30300820-1013",
                decoder.decode(sid(1, 5, 21, 3623811015L, 3361044348L, 30300820, 1013), ValueType.SID, 0, 28));
        assertEquals("S-1-0x10000000000-7", decoder.decode(sid(1, 1L << 40, 7), ValueType.SID, 0, 12));
        assertEquals("S-1-0xABCDEF012345", decoder.decode(sid(1, 0xABCDEF012345L), ValueType.SID, 0, 8));
    }

    private static byte[] sid(int revision, long authority, long... subAuthorities) {
        ByteBuffer out = ByteBuffer.allocate(8 + 4 * subAuthorities.length);
        out.put((byte) revision).put((byte) subAuthorities.length);
        for (int shift = 40; shift >= 0; shift -= 8) {
            out.put((byte) (authority >>> shift));
        }
        out.order(ByteOrder.LITTLE_ENDIAN);
        for (long sub : subAuthorities) {
            out.putInt((int) sub);
        }
        return out.array();
    }

    @Test
    void utf16LatinAndBeyond() {
        for (String text : new String[] {"", "-", "abc", "abcd", "NtLmSsp ", "Zürich ÿ", "日本語", "x€y", "a😀b"}) {
            byte[] bytes = (text + "\0").getBytes(StandardCharsets.UTF_16LE);
            assertEquals(text, decoder.decode(bytes, ValueType.STRING, 0, bytes.length));
        }
        byte[] lone = {'a', 0, 0x00, (byte) 0xD8, 'b', 0, 'c', 0, 'd', 0};
        assertEquals("a\uFFFDbcd", decoder.decode(lone, ValueType.STRING, 0, lone.length));
        assertEquals(true, decoder.text().lossy());
    }
}
