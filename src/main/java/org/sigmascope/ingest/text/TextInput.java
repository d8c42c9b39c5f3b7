package org.sigmascope.ingest.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens text evidence in whatever encoding Windows tools wrote it: UTF-8 with or without a byte order mark, or
 * UTF-16 (PowerShell's {@code Out-File} and {@code Export-Csv -Encoding Unicode}), with or without a mark.
 * Undecodable bytes become U+FFFD rather than failing the file.
 */
public final class TextInput {
    private static final int SNIFF = 4;

    private TextInput() {
    }

    /** The encoding of text starting with {@code head}, and how many bytes of byte order mark to skip. */
    public record Encoding(Charset charset, int bomLength) {
        public boolean isUtf8() {
            return charset.equals(StandardCharsets.UTF_8);
        }
    }

    public static Encoding detect(byte[] head, int length) {
        if (length >= 3 && (head[0] & 0xff) == 0xEF && (head[1] & 0xff) == 0xBB && (head[2] & 0xff) == 0xBF) {
            return new Encoding(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xFE) {
            return new Encoding(StandardCharsets.UTF_16LE, 2);
        }
        if (length >= 2 && (head[0] & 0xff) == 0xFE && (head[1] & 0xff) == 0xFF) {
            return new Encoding(StandardCharsets.UTF_16BE, 2);
        }
        // Without a mark, ASCII text in UTF-16 shows a zero in every other byte.
        if (length >= 4 && head[0] != 0 && head[1] == 0 && head[2] != 0 && head[3] == 0) {
            return new Encoding(StandardCharsets.UTF_16LE, 0);
        }
        if (length >= 4 && head[0] == 0 && head[1] != 0 && head[2] == 0 && head[3] != 0) {
            return new Encoding(StandardCharsets.UTF_16BE, 0);
        }
        return new Encoding(StandardCharsets.UTF_8, 0);
    }

    /** The text as UTF-8 bytes, without a byte order mark (UTF-16 is transcoded). */
    public static InputStream utf8(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, SNIFF);
        Encoding encoding = skipMark(in);
        if (encoding.isUtf8()) {
            return in;
        }
        return new Utf8Transcoder(new InputStreamReader(in, decoder(encoding.charset())));
    }

    /** The text as characters, without a byte order mark. */
    public static Reader reader(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, SNIFF);
        return new InputStreamReader(in, decoder(skipMark(in).charset()));
    }

    /** Reads the encoding from the first bytes and leaves the stream after the byte order mark. */
    private static Encoding skipMark(PushbackInputStream in) throws IOException {
        byte[] head = new byte[SNIFF];
        int length = in.readNBytes(head, 0, SNIFF);
        Encoding encoding = detect(head, length);
        if (length > encoding.bomLength()) {
            in.unread(head, encoding.bomLength(), length - encoding.bomLength());
        }
        return encoding;
    }

    private static CharsetDecoder decoder(Charset charset) {
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    /** Characters re-encoded as UTF-8 bytes, for readers that parse bytes. */
    private static final class Utf8Transcoder extends InputStream {
        private final Reader reader;
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        private final CharBuffer chars = CharBuffer.allocate(8192);
        private final ByteBuffer bytes = ByteBuffer.allocate(3 * 8192 + 8);
        private boolean done;

        Utf8Transcoder(Reader reader) {
            this.reader = reader;
            bytes.flip();
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] out, int offset, int length) throws IOException {
            while (!bytes.hasRemaining()) {
                if (done) {
                    return -1;
                }
                int read = reader.read(chars);
                chars.flip();
                bytes.clear();
                encoder.encode(chars, bytes, read < 0);
                if (read < 0) {
                    encoder.flush(bytes);
                    done = true;
                }
                chars.compact();
                bytes.flip();
            }
            int n = Math.min(length, bytes.remaining());
            bytes.get(out, offset, n);
            return n;
        }

        @Override
        public void close() throws IOException {
            reader.close();
        }
    }
}
