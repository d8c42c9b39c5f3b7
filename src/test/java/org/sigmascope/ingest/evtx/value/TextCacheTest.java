package org.sigmascope.ingest.evtx.value;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The cache of short texts gives what decoding gives, the same string for the same bytes, and never hides repair. */
class TextCacheTest {
    private static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    @Test
    void sameBytesGiveTheSameString() {
        TextCache cache = new TextCache(new TextDecoder());
        byte[] first = utf16("xxEngine version");
        byte[] second = utf16("Engine version");
        String a = cache.utf16(first, 4, 14);
        String b = cache.utf16(second, 0, 14);
        assertEquals("Engine version", a);
        assertSame(a, b);
    }

    @Test
    void givesWhatDecodingGivesForAnyText() {
        Random random = new Random(5);
        TextDecoder plain = new TextDecoder();
        TextCache cache = new TextCache(new TextDecoder());
        // few distinct texts of few letters, so that slots are shared and texts met again
        for (int round = 0; round < 50_000; round++) {
            int chars = random.nextInt(TextCache.MAX_CHARS + 8);
            byte[] data = new byte[2 * chars + 2];
            for (int i = 0; i < chars; i++) {
                data[2 + 2 * i] = (byte) "ab c\u00e9"
                        .charAt(random.nextInt(5));
                data[3 + 2 * i] = random.nextInt(50) == 0 ? (byte) 0x20 : 0;
            }
            assertEquals(plain.utf16(data, 2, chars), cache.utf16(data, 2, chars), "round " + round);
        }
    }

    @Test
    void repairedTextIsReportedEachTime() {
        TextDecoder decoder = new TextDecoder();
        TextCache cache = new TextCache(decoder);
        byte[] loneSurrogate = {0x41, 0, 0x00, (byte) 0xD8, 0x42, 0};
        for (int i = 0; i < 2; i++) {
            decoder.clearLossy();
            assertEquals("A\uFFFDB", cache.utf16(loneSurrogate, 0, 3));
            assertTrue(decoder.lossy(), "time " + i);
        }
        decoder.clearLossy();
        cache.utf16(utf16("clean"), 0, 5);
        assertFalse(decoder.lossy());
    }
}
