package org.sigmascope.ingest.evtx.binxml;

/**
 * A BinXML element tree compiled once into a flat instruction array, so that every record using a template
 * replays it without re-reading its tokens (the template cache of evtx-checklist "BinXML tokens").
 *
 * <p>Instructions ({@code ops}), with their operands:
 * <pre>
 * OPEN      name dropIfNull endPc   start an element; skip to endPc when substitution dropIfNull is null/empty
 * ATTR      name dropIfNull endPc   start an attribute (same skipping)
 * ATTR_END
 * END                               end the current element
 * TEXT      string
 * SUBST     index                   a substitution of the template instance
 * VALUE     type offset size        a typed value written inline (template-less records)
 * CDATA     string
 * CHAR_REF  codePoint
 * ENTITY    name
 * PI        target data
 * INSTANCE  offset                  a template instance inside a template-less fragment
 * </pre>
 * {@code name}, {@code string}, {@code target} and {@code data} index {@link #strings}.
 */
final class Program {
    static final int OPEN = 1;
    static final int ATTR = 2;
    static final int ATTR_END = 3;
    static final int END = 4;
    static final int TEXT = 5;
    static final int SUBST = 6;
    static final int VALUE = 7;
    static final int CDATA = 8;
    static final int CHAR_REF = 9;
    static final int ENTITY = 10;
    static final int PI = 11;
    static final int INSTANCE = 12;

    final int[] ops;
    final String[] strings;

    Program(int[] ops, String[] strings) {
        this.ops = ops;
        this.strings = strings;
    }
}
