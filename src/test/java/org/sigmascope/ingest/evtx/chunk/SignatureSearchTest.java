package org.sigmascope.ingest.evtx.chunk;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;

import org.junit.jupiter.api.Test;

import org.sigmascope.ingest.evtx.binxml.Bytes;

/** The word-at-a-time signature search and zero check find what a byte-by-byte scan finds. */
class SignatureSearchTest {
    @Test
    void findsWhatAByteScanFinds() {
        Random random = new Random(11);
        for (int round = 0; round < 2000; round++) {
            byte[] data = new byte[64 + random.nextInt(400)];
            int kind = random.nextInt(3);
            for (int i = 0; i < data.length; i++) {
                // zeros (fresh slack), '*' and NUL heavy bytes (near misses), or anything
                data[i] = switch (kind) {
                    case 0 -> random.nextInt(50) == 0 ? (byte) 0x2A : 0;
                    case 1 -> (byte) (random.nextBoolean() ? 0x2A : random.nextInt(3) == 0 ? 0 : random.nextInt(256));
                    default -> (byte) random.nextInt(256);
                };
            }
            for (int s = random.nextInt(3); s > 0; s--) {
                int at = random.nextInt(data.length - 3);
                data[at] = 0x2A;
                data[at + 1] = 0x2A;
                data[at + 2] = 0;
                data[at + 3] = 0;
            }
            int from = random.nextInt(data.length);
            int end = from + random.nextInt(data.length - from + 1);
            assertEquals(naive(data, from, end), ChunkParser.nextSignature(data, from, end), "round " + round);
            assertEquals(naiveZero(data, from, end - from), Bytes.allZero(data, from, end - from), "round " + round);
        }
    }

    private static int naive(byte[] data, int from, int end) {
        for (int p = from; p + 4 <= end; p++) {
            if (data[p] == 0x2A && data[p + 1] == 0x2A && data[p + 2] == 0 && data[p + 3] == 0) {
                return p;
            }
        }
        return -1;
    }

    private static boolean naiveZero(byte[] data, int from, int length) {
        for (int i = from; i < from + length; i++) {
            if (data[i] != 0) {
                return false;
            }
        }
        return true;
    }
}
