package org.sigmascope.ingest.evtx.binxml;

/**
 * Receives a record's XML as the evaluator walks it: elements, their attributes, and their content. Template
 * substitutions arrive already resolved, as typed values in the chunk's bytes, so a visitor decodes only what
 * it needs. Nested BinXML values (0x21) arrive as the elements they contain.
 */
public interface BinXmlVisitor {
    void startElement(String name);

    /** An attribute of the element just started; its value follows as {@link #text}/{@link #value} calls. */
    void startAttribute(String name);

    void endAttribute();

    void endElement();

    /** Literal text of the record or template. */
    void text(String text);

    /** A typed value (never null, never nested BinXML) at {@code offset} in {@code data}. */
    void value(byte[] data, int type, int offset, int size);

    /**
     * Value {@code index} of the record's {@code instance}-th template instance (counted in the order of the walk,
     * the record's own instance first): visitors that derive something from templates keep the numbers (the field
     * flattener's plans); for the others it is any {@link #value}.
     */
    default void substitution(int instance, int index, byte[] data, int type, int offset, int size) {
        value(data, type, offset, size);
    }

    void charRef(int codePoint);

    void entityRef(String name);

    void cdata(String text);

    void processingInstruction(String target, String data);
}
