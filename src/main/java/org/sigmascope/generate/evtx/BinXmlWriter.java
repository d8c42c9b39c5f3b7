package org.sigmascope.generate.evtx;

/**
 * Writes BinXML tokens (MS-EVEN6 2.2.12; docs/evtx-checklist.md, "BinXML tokens") into a chunk, resolving names
 * through the chunk's string table: a name new to the chunk is written inline, right after the offset that
 * points to it, as Windows does.
 *
 * <p>Element and attribute-list sizes are patched when the element closes; an open element is a handle packing
 * the offsets of its size fields.
 */
final class BinXmlWriter {
    static final int NO_DEPENDENCY = 0xffff;

    private final ChunkBuffer buffer;
    private final StringTable strings;

    BinXmlWriter(ChunkBuffer buffer, StringTable strings) {
        this.buffer = buffer;
        this.strings = strings;
    }

    /** {@code 0F 01 01 00}: the fragment header that starts every BinXML stream Windows writes. */
    void fragmentHeader() {
        buffer.u8(0x0F);
        buffer.u8(0x01);
        buffer.u8(0x01);
        buffer.u8(0x00);
    }

    /**
     * Opens an element of a template definition: token, dependency id (the substitution whose absence drops the
     * element, or {@link #NO_DEPENDENCY}), data size, name, and the attribute list size when it has attributes.
     */
    long openElement(String name, int dependency, boolean hasAttributes) {
        buffer.u8(hasAttributes ? 0x41 : 0x01);
        buffer.u16(dependency);
        int sizeAt = buffer.skip(4);
        name(name);
        int attributesAt = hasAttributes ? buffer.skip(4) : 0;
        return (long) sizeAt << 32 | attributesAt;
    }

    /** An attribute; {@code more} when another attribute of the same element follows. */
    void attribute(String name, boolean more) {
        buffer.u8(more ? 0x46 : 0x06);
        name(name);
    }

    /** A literal text value: type 01, UTF-16 with its length. */
    void text(String value) {
        buffer.u8(0x05);
        buffer.u8(0x01);
        buffer.u16(value.length());
        buffer.utf16(value);
    }

    /** A substitution: 0D normal (kept when empty), 0E optional (the element or attribute goes when null). */
    void substitution(boolean optional, int index, int type) {
        buffer.u8(optional ? 0x0E : 0x0D);
        buffer.u16(index);
        buffer.u8(type);
    }

    /** {@code 02}: the start tag ends, content follows. */
    void closeStartTag(long element) {
        patchAttributes(element);
        buffer.u8(0x02);
    }

    /** {@code 03}: the element ends without content. */
    void closeEmptyElement(long element) {
        patchAttributes(element);
        buffer.u8(0x03);
        patchSize(element);
    }

    /** {@code 04}: the element's end tag. */
    void endElement(long element) {
        buffer.u8(0x04);
        patchSize(element);
    }

    void endOfStream() {
        buffer.u8(0x00);
    }

    private void patchAttributes(long element) {
        int attributesAt = (int) element;
        if (attributesAt != 0) {
            buffer.putU32(attributesAt, buffer.position() - attributesAt - 4);
        }
    }

    /** An element's data size counts from its name offset to the end of its closing token. */
    private void patchSize(long element) {
        int sizeAt = (int) (element >>> 32);
        buffer.putU32(sizeAt, buffer.position() - sizeAt - 4);
    }

    private void name(String name) {
        int offset = strings.offsetOf(name);
        if (offset >= 0) {
            buffer.u32(offset);
        } else {
            buffer.u32(buffer.position() + 4);
            strings.writeEntry(buffer, name);
        }
    }
}
