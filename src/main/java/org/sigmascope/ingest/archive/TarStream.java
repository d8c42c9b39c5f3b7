package org.sigmascope.ingest.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * Walks the members of a tar stream (POSIX ustar, GNU long names, pax path records), giving regular files only.
 * Headers are 512-byte blocks; member data is padded to 512 bytes; two zero blocks end the archive.
 */
final class TarStream {
    private static final int BLOCK = 512;

    private final InputStream in;
    private long remaining;
    private long padding;

    TarStream(InputStream in) {
        this.in = in;
    }

    /** A regular file of the archive: its name, and its bytes, readable until the next call to {@link #next()}. */
    record Entry(String name, InputStream data) {
    }

    /** The next regular file, or {@code null} at the end of the archive. */
    Entry next() throws IOException {
        skip(remaining + padding);
        String longName = null;
        while (true) {
            byte[] header = in.readNBytes(BLOCK);
            if (header.length < BLOCK || isZero(header)) {
                return null;
            }
            long size = number(header, 124, 12);
            char type = (char) header[156];
            if (type == 'L' || type == 'x') {
                byte[] data = readData(size);
                longName = type == 'L' ? text(data, 0, data.length) : paxPath(data, longName);
                continue;
            }
            String name = longName != null ? longName : name(header);
            longName = null;
            if (type == '0' || type == '\0' || type == '7') {
                remaining = size;
                padding = (BLOCK - size % BLOCK) % BLOCK;
                return new Entry(name, new Bounded());
            }
            skip(size + (BLOCK - size % BLOCK) % BLOCK);
        }
    }

    private byte[] readData(long size) throws IOException {
        if (size > 1 << 20) {
            throw new IOException("a tar name record of " + size + " bytes");
        }
        byte[] data = in.readNBytes((int) size);
        skip((BLOCK - size % BLOCK) % BLOCK);
        return data;
    }

    private static String name(byte[] header) {
        String name = text(header, 0, 100);
        boolean ustar = header[257] == 'u' && header[258] == 's' && header[259] == 't';
        String prefix = ustar ? text(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private static String paxPath(byte[] data, String fallback) {
        for (String record : new String(data, StandardCharsets.UTF_8).split("\n")) {
            int space = record.indexOf(' ');
            if (space > 0 && record.startsWith("path=", space + 1)) {
                return record.substring(space + 6);
            }
        }
        return fallback;
    }

    private static String text(byte[] bytes, int offset, int length) {
        int end = offset;
        while (end < offset + length && end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
    }

    /** Octal, or base-256 when the first byte has its high bit set (GNU, for sizes of 8 GiB and more). */
    private static long number(byte[] header, int offset, int length) throws IOException {
        if ((header[offset] & 0x80) != 0) {
            long value = 0;
            for (int i = offset + 1; i < offset + length; i++) {
                value = (value << 8) | (header[i] & 0xff);
            }
            return value;
        }
        long value = 0;
        for (int i = offset; i < offset + length; i++) {
            byte b = header[i];
            if (b == 0 || b == ' ') {
                if (value > 0) {
                    break;
                }
                continue;
            }
            if (b < '0' || b > '7') {
                throw new IOException("not a tar archive (bad header)");
            }
            value = value * 8 + (b - '0');
        }
        return value;
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private void skip(long count) throws IOException {
        long left = count;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    return;
                }
                skipped = 1;
            }
            left -= skipped;
        }
        remaining = 0;
        padding = 0;
    }

    /** The current member's data, ending at its size. */
    private final class Bounded extends InputStream {
        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw new java.io.EOFException("tar member cut short");
            }
            remaining--;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(buffer, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new java.io.EOFException("tar member cut short");
            }
            remaining -= read;
            return read;
        }
    }
}
