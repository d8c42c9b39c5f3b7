package org.sigmascope.ingest.evtx.binxml;

import org.sigmascope.ingest.evtx.value.TextCache;
import org.sigmascope.ingest.evtx.value.TextDecoder;

/**
 * One chunk's bytes and its caches: element and attribute names, and compiled template definitions, both keyed
 * by their offset inside the chunk (evtx-checklist "BinXML tokens": names and templates are cached per chunk;
 * the hash buckets of the chunk header are never trusted). A worker thread keeps one context and reuses it for
 * every chunk it parses, so the caches are plain arrays indexed by offset, cleared entry by entry.
 */
public final class ChunkContext {
    public static final int CHUNK_SIZE = 65_536;

    private final byte[] data = new byte[CHUNK_SIZE];
    private final String[] names = new String[CHUNK_SIZE];
    private final Program[] templates = new Program[CHUNK_SIZE];
    private final int[] usedNames = new int[CHUNK_SIZE];
    private final int[] usedTemplates = new int[CHUNK_SIZE];
    private int usedNameCount;
    private int usedTemplateCount;
    private final TextDecoder text;
    private final TextCache shortTexts;
    private final TemplateCompiler compiler;

    public ChunkContext(TextDecoder text) {
        this.text = text;
        this.shortTexts = new TextCache(text);
        this.compiler = new TemplateCompiler(this);
    }

    /** The chunk's bytes: fill with the next chunk, then call {@link #reset()}. */
    public byte[] data() {
        return data;
    }

    public TextDecoder text() {
        return text;
    }

    /** Forgets the previous chunk's names and templates. */
    public void reset() {
        for (int i = 0; i < usedNameCount; i++) {
            names[usedNames[i]] = null;
        }
        for (int i = 0; i < usedTemplateCount; i++) {
            templates[usedTemplates[i]] = null;
        }
        usedNameCount = 0;
        usedTemplateCount = 0;
    }

    /** The name at {@code offset}: u32 next, u16 hash, u16 length, UTF-16 characters, u16 NUL. */
    String name(int offset) {
        if (offset < 0 || offset + 8 > CHUNK_SIZE) {
            throw new BinXmlException(offset, "name offset 0x" + Integer.toHexString(offset) + " outside the chunk");
        }
        String name = names[offset];
        if (name == null) {
            int length = Bytes.u16(data, offset + 6);
            if (offset + 8 + 2 * length > CHUNK_SIZE) {
                throw new BinXmlException(offset, "name at 0x" + Integer.toHexString(offset) + " runs past the chunk");
            }
            name = shortTexts.utf16(data, offset + 8, length);
            names[offset] = name;
            usedNames[usedNameCount++] = offset;
        }
        return name;
    }

    /** Literal text of a template or element tree: short texts recur (names given as text), so they are cached. */
    String literal(int offset, int chars) {
        return shortTexts.utf16(data, offset, chars);
    }

    /** Bytes taken by an inline name at {@code offset}. */
    int nameSize(int offset) {
        return 10 + 2 * Bytes.u16(data, offset + 6);
    }

    /** The template definition at {@code offset}, compiled on first use. */
    Program template(int offset) {
        if (offset < 0 || offset + 24 > CHUNK_SIZE) {
            throw new BinXmlException(offset, "template offset 0x" + Integer.toHexString(offset) + " outside the chunk");
        }
        Program program = templates[offset];
        if (program == null) {
            long size = Bytes.u32(data, offset + 20);
            int start = offset + 24;
            if (start + size > CHUNK_SIZE) {
                throw new BinXmlException(offset, "template at 0x" + Integer.toHexString(offset) + " runs past the chunk");
            }
            program = compiler.compile(start, start + (int) size, true);
            templates[offset] = program;
            usedTemplates[usedTemplateCount++] = offset;
        }
        return program;
    }

    /** Compiles a template-less element tree (evtx-checklist: forwarded events have no template). */
    Program elementTree(int start, int end) {
        return compiler.compile(start, end, false);
    }

    /** Where the element tree compiled last ended. */
    int compiledEnd() {
        return compiler.end();
    }
}
