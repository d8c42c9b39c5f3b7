package org.sigmascope.sigma.modifier;

import java.nio.charset.StandardCharsets;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code utf16le} (also spelled {@code wide}), {@code utf16be} and {@code utf16} (a byte order mark FF FE, then
 * little-endian): the value's characters encoded in UTF-16, for a following {@code base64} or
 * {@code base64offset} (PowerShell's {@code -EncodedCommand} is base64 of UTF-16LE). Wildcards are refused, as
 * they cannot be encoded.
 */
final class Utf16 implements Modifier {
    enum Form { LITTLE_ENDIAN, BIG_ENDIAN, WITH_BOM }

    private final String name;
    private final Form form;

    Utf16(String name, Form form) {
        this.name = name;
        this.form = form;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        String text = Strings.requirePlain(value, name, context);
        byte[] bytes = switch (form) {
            case LITTLE_ENDIAN -> text.getBytes(StandardCharsets.UTF_16LE);
            case BIG_ENDIAN -> text.getBytes(StandardCharsets.UTF_16BE);
            case WITH_BOM -> {
                byte[] body = text.getBytes(StandardCharsets.UTF_16LE);
                byte[] withBom = new byte[body.length + 2];
                withBom[0] = (byte) 0xFF;
                withBom[1] = (byte) 0xFE;
                System.arraycopy(body, 0, withBom, 2, body.length);
                yield withBom;
            }
        };
        return new SigmaValue.Bytes(bytes);
    }
}
