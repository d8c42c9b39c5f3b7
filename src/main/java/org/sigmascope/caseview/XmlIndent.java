package org.sigmascope.caseview;

/**
 * Indents event XML for reading: one element per line, children two spaces in. Text is left exactly as it is
 * (only the line breaks between tags are added), so nothing the evidence said is changed. Not a general XML
 * formatter: it relies on the record being well formed, which the renderer guarantees.
 */
final class XmlIndent {
    private XmlIndent() {
    }

    static String indent(String xml) {
        if (xml.indexOf('\n') >= 0) {
            return xml;
        }
        StringBuilder out = new StringBuilder(xml.length() + xml.length() / 4);
        int depth = 0;
        int i = 0;
        boolean textBefore = false;
        boolean justOpened = false;
        while (i < xml.length()) {
            int open = xml.indexOf('<', i);
            if (open < 0) {
                out.append(xml, i, xml.length());
                break;
            }
            if (open > i) {
                out.append(xml, i, open);
                textBefore = true;
            }
            int close = xml.indexOf('>', open);
            if (close < 0) {
                out.append(xml, open, xml.length());
                break;
            }
            String tag = xml.substring(open, close + 1);
            boolean closing = tag.startsWith("</");
            boolean selfClosing = tag.endsWith("/>") || tag.startsWith("<?") || tag.startsWith("<!");
            if (closing) {
                depth--;
                if (!textBefore && !justOpened) {
                    newline(out, depth);
                }
            } else {
                newline(out, depth);
                if (!selfClosing) {
                    depth++;
                }
            }
            out.append(tag);
            justOpened = !closing && !selfClosing;
            textBefore = false;
            i = close + 1;
        }
        return out.toString().strip();
    }

    private static void newline(StringBuilder out, int depth) {
        if (out.length() > 0) {
            out.append('\n');
        }
        out.append("  ".repeat(Math.max(0, depth)));
    }
}
