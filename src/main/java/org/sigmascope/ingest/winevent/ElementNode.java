package org.sigmascope.ingest.winevent;

import java.util.List;

/**
 * One XML element of an event, as parsed from XML text or rebuilt from an XML-as-JSON rendering (EvtxECmd's
 * Payload). The common input of {@link ElementFlattener}.
 *
 * @param name       the local name
 * @param attributes attributes in document order, namespace declarations excluded
 * @param text       the element's text, or {@code null} when it has none (an empty element, or only children)
 * @param children   child elements in document order
 */
public record ElementNode(String name, List<Attribute> attributes, String text, List<ElementNode> children) {

    public ElementNode {
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** An attribute; values that are not text in the source (numbers) are kept as they came. */
    public record Attribute(String name, Object value) {
    }

    public ElementNode child(String childName) {
        for (ElementNode child : children) {
            if (child.name.equals(childName)) {
                return child;
            }
        }
        return null;
    }

    public Object attribute(String attributeName) {
        for (Attribute attribute : attributes) {
            if (attribute.name.equals(attributeName)) {
                return attribute.value;
            }
        }
        return null;
    }
}
