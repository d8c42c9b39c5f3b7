package org.sigmascope.ingest.evtx.render;

import org.sigmascope.ingest.evtx.binxml.BinXmlVisitor;
import org.sigmascope.ingest.evtx.value.ValueDecoder;
import org.sigmascope.ingest.evtx.value.ValueType;
import org.sigmascope.model.Fields;

/**
 * Renders a record as XML the way Event Viewer's XML view shows it: two-space indentation, double-quoted
 * attributes, {@code <Provider Name="…" />} for empty elements, values in Windows' text forms ({@code {GUID}},
 * {@code 0x3e7}, SystemTime with 100 ns digits). An array substitution repeats its element once per item.
 * Event content is attacker-controlled: every text and attribute value is escaped.
 */
public final class XmlRenderer implements BinXmlVisitor {
    private static final int MAX_DEPTH = 160;

    private final ValueDecoder decoder;
    private StringBuilder out;
    private int depth;
    private final String[] name = new String[MAX_DEPTH];
    private final boolean[] startTagOpen = new boolean[MAX_DEPTH];
    private final boolean[] hasChildren = new boolean[MAX_DEPTH];
    private final boolean[] hasContent = new boolean[MAX_DEPTH];
    private final int[] startTag = new int[MAX_DEPTH];
    private boolean inAttribute;

    public XmlRenderer(ValueDecoder decoder) {
        this.decoder = decoder;
    }

    public void begin(StringBuilder target) {
        out = target;
        depth = 0;
        inAttribute = false;
    }

    @Override
    public void startElement(String elementName) {
        if (depth > 0) {
            closeStartTag();
            hasChildren[depth] = true;
        }
        if (++depth >= MAX_DEPTH) {
            throw new IllegalStateException("elements nested deeper than " + MAX_DEPTH);
        }
        if (depth > 1 || out.length() > 0) {
            newline(depth);
        }
        name[depth] = elementName;
        startTag[depth] = out.length();
        startTagOpen[depth] = true;
        hasChildren[depth] = false;
        hasContent[depth] = false;
        out.append('<').append(elementName);
    }

    private void closeStartTag() {
        if (startTagOpen[depth]) {
            out.append('>');
            startTagOpen[depth] = false;
        }
    }

    private void newline(int level) {
        out.append('\n');
        for (int i = 1; i < level; i++) {
            out.append("  ");
        }
    }

    @Override
    public void startAttribute(String attributeName) {
        out.append(' ').append(attributeName).append("=\"");
        inAttribute = true;
    }

    @Override
    public void endAttribute() {
        out.append('"');
        inAttribute = false;
    }

    @Override
    public void endElement() {
        if (depth <= 0) {
            return;
        }
        if (startTagOpen[depth]) {
            out.append(" />");
        } else {
            if (hasChildren[depth]) {
                newline(depth);
            }
            out.append("</").append(name[depth]).append('>');
        }
        depth--;
    }

    @Override
    public void text(String text) {
        content(text);
    }

    @Override
    public void value(byte[] data, int type, int offset, int size) {
        if (ValueType.isArray(type) && !inAttribute && depth > 0 && !hasContent[depth] && !hasChildren[depth]) {
            repeatElement(decoder.decode(data, type, offset, size));
            return;
        }
        content(text(data, type, offset, size));
    }

    private String text(byte[] data, int type, int offset, int size) {
        if (type == ValueType.FLOAT && size >= 4) {
            return Float.toString(Float.intBitsToFloat(org.sigmascope.ingest.evtx.binxml.Bytes.i32(data, offset)));
        }
        Object value = decoder.decode(data, type, offset, size);
        return value == null ? "" : Fields.textOf(value);
    }

    /** An array value as element content: the element once per item, with the same attributes. */
    private void repeatElement(Object value) {
        if (!(value instanceof java.util.List<?> items) || items.isEmpty()) {
            return;
        }
        String openTag = out.substring(startTag[depth]) + (startTagOpen[depth] ? ">" : "");
        for (int i = 0; i < items.size(); i++) {
            if (i > 0) {
                closeStartTag();
                out.append("</").append(name[depth]).append('>');
                newline(depth);
                out.append(openTag);
                startTagOpen[depth] = false;
            }
            content(Fields.textOf(items.get(i)));
        }
    }

    private void content(String text) {
        if (inAttribute) {
            escape(text, true);
            return;
        }
        if (depth == 0 || text.isEmpty()) {
            return;
        }
        closeStartTag();
        hasContent[depth] = true;
        escape(text, false);
    }

    @Override
    public void charRef(int codePoint) {
        if (!inAttribute) {
            closeStartTag();
        }
        out.append("&#").append(codePoint).append(';');
    }

    @Override
    public void entityRef(String entity) {
        if (!inAttribute) {
            closeStartTag();
        }
        out.append('&');
        escape(entity, true);
        out.append(';');
    }

    @Override
    public void cdata(String text) {
        closeStartTag();
        out.append("<![CDATA[").append(text.replace("]]>", "]]]]><![CDATA[>")).append("]]>");
    }

    @Override
    public void processingInstruction(String target, String data) {
        if (depth > 0) {
            closeStartTag();
            hasChildren[depth] = true;
        }
        newline(depth + 1);
        out.append("<?");
        escape(target, false);
        if (!data.isEmpty()) {
            out.append(' ');
            escape(data.replace("?>", "? >"), false);
        }
        out.append("?>");
    }

    private void escape(String text, boolean attribute) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                default -> {
                    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
                        out.append("&#x").append(Integer.toHexString(c)).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
