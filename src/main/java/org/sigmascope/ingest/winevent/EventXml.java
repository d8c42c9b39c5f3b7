package org.sigmascope.ingest.winevent;

import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses an event's XML text (Plaso's {@code xml_string}, Log Analytics' {@code EventData}) into
 * {@link ElementNode}s. The text is attacker-controlled: no DTD, no external entity, bounded depth and size.
 */
public final class EventXml {
    private static final int MAX_DEPTH = 64;
    private static final int MAX_CHARS = 16 << 20;
    private static final XMLInputFactory FACTORY = newFactory();

    private EventXml() {
    }

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        factory.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        try {
            factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        } catch (IllegalArgumentException e) {
            // Not every StAX implementation knows the property; DTDs are refused above anyway.
        }
        return factory;
    }

    /** Thrown for XML that cannot be read; the message says what and where (line:column within the text). */
    public static final class XmlException extends Exception {
        public XmlException(String message) {
            super(message);
        }
    }

    /** The root element of the text. Whitespace-only text of elements that have children is dropped. */
    public static ElementNode parse(String xml) throws XmlException {
        if (xml.length() > MAX_CHARS) {
            throw new XmlException("XML of " + xml.length() + " characters, more than the " + MAX_CHARS + " allowed");
        }
        XMLStreamReader reader = null;
        try {
            reader = FACTORY.createXMLStreamReader(new StringReader(escapeControls(xml)));
            Deque<Builder> open = new ArrayDeque<>();
            ElementNode root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (open.size() == MAX_DEPTH) {
                        throw new XmlException("elements nested deeper than " + MAX_DEPTH);
                    }
                    Builder element = new Builder(reader.getLocalName());
                    for (int i = 0; i < reader.getAttributeCount(); i++) {
                        element.attributes.add(new ElementNode.Attribute(reader.getAttributeLocalName(i),
                                restoreControls(reader.getAttributeValue(i))));
                    }
                    open.push(element);
                } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                        || event == XMLStreamConstants.SPACE) {
                    if (!open.isEmpty()) {
                        open.peek().text.append(reader.getText());
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    ElementNode done = open.pop().build();
                    if (open.isEmpty()) {
                        root = done;
                        break;
                    }
                    open.peek().children.add(done);
                }
            }
            if (root == null) {
                throw new XmlException("no complete XML element");
            }
            return root;
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw new XmlException("malformed XML" + where + ": " + firstLine(e.getMessage()));
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // Closing a reader over a string cannot lose data.
                }
            }
        }
    }

    /** Control characters are moved to this private-use block while parsing, then moved back. */
    private static final char CONTROL_BASE = '\uF700';

    /**
     * Prepares text for the XML parser without losing characters of event values: XML turns CR LF into LF, so CRs
     * become character references, which the parser keeps; XML 1.0 forbids other control characters, which
     * event values do hold (and the EVTX flattening keeps), so they are moved to a private-use block and back.
     */
    private static String escapeControls(String xml) {
        StringBuilder out = null;
        for (int i = 0; i < xml.length(); i++) {
            char c = xml.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n') {
                if (out == null) {
                    out = new StringBuilder(xml.length() + 64).append(xml, 0, i);
                }
                if (c == '\r') {
                    out.append("&#13;");
                } else {
                    out.append((char) (CONTROL_BASE + c));
                }
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? xml : out.toString();
    }

    static String restoreControls(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean moved = c >= CONTROL_BASE && c < CONTROL_BASE + 0x20;
            if (moved && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(moved ? (char) (c - CONTROL_BASE) : c);
            }
        }
        return out == null ? text : out.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int at = message.lastIndexOf("Message: ");
        String text = at >= 0 ? message.substring(at + 9) : message;
        int newline = text.indexOf('\n');
        return newline >= 0 ? text.substring(0, newline) : text;
    }

    private static final class Builder {
        final String name;
        final List<ElementNode.Attribute> attributes = new ArrayList<>();
        final StringBuilder text = new StringBuilder();
        final List<ElementNode> children = new ArrayList<>();

        Builder(String name) {
            this.name = name;
        }

        ElementNode build() {
            String value = text.length() == 0 ? null : restoreControls(text.toString());
            if (!children.isEmpty() && value != null && value.isBlank()) {
                value = null;
            }
            return new ElementNode(name, attributes, value, children);
        }
    }
}
