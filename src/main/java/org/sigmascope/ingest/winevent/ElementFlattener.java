package org.sigmascope.ingest.winevent;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Fields;

/**
 * Flattens an event's XML elements to Sigma's field names, following docs/evtx-checklist.md ("Flattening") and
 * the Rust evtx crate's JSON, which the checklist takes as reference:
 * <ul>
 * <li>System children by element name, their attributes as {@code Element_Attribute}; the numeric ones as
 *     numbers, Keywords as lower-case hexadecimal; an element with neither text nor attributes
 *     ({@code <Correlation/>}) is present with a {@code null} value;</li>
 * <li>each {@code <Data Name="X">} as field {@code X} (empty text is {@code ""}); unnamed {@code <Data>} values
 *     as the list {@code Data} ({@code null} for a single empty one); {@code <Binary>} as {@code Binary}; other
 *     EventData children like System children; attributes of EventData itself as {@code EventData_Attribute};</li>
 * <li>UserData: the children of its inner element by their names, the inner element's attributes as
 *     {@code Inner_Attribute};</li>
 * <li>deeper elements as {@code Parent_Child}; repeated sibling elements as {@code X}, {@code X_1},
 *     {@code X_2}; namespace declarations dropped;</li>
 * <li>other children of Event ({@code RenderingInfo}) by the same rules, under their own name.</li>
 * </ul>
 */
public final class ElementFlattener {
    private ElementFlattener() {
    }

    /** Flattens an {@code <Event>} element. */
    public static void flattenEvent(ElementNode event, Fields.Builder out) {
        for (ElementNode part : event.children()) {
            switch (part.name()) {
                case "System" -> flattenSystem(part, out);
                case "EventData" -> flattenEventData(part, out);
                case "UserData" -> flattenUserData(part, out);
                default -> flattenElement("", part.name(), part, out);
            }
        }
    }

    public static void flattenSystem(ElementNode system, Fields.Builder out) {
        Map<String, Integer> seen = new HashMap<>();
        for (ElementNode child : system.children()) {
            String name = unique(seen, child.name());
            for (ElementNode.Attribute attribute : child.attributes()) {
                String field = name + "_" + attribute.name();
                out.put(field, SystemFields.normalize(field, attribute.value()));
            }
            if (child.text() != null) {
                out.put(name, SystemFields.normalize(name, child.text()));
            } else if (child.attributes().isEmpty() && child.children().isEmpty()) {
                out.put(name, null);
            }
            flattenChildren(name, child, out);
        }
    }

    public static void flattenEventData(ElementNode eventData, Fields.Builder out) {
        putAttributes(eventData.name(), eventData, out);
        List<Object> unnamed = null;
        Map<String, Integer> seen = new HashMap<>();
        for (ElementNode child : eventData.children()) {
            if (child.name().equals("Data")) {
                Object name = child.attribute("Name");
                if (name != null) {
                    out.put(name.toString(), child.text() == null ? "" : child.text());
                    continue;
                }
                if (unnamed == null) {
                    unnamed = new ArrayList<>();
                    out.put("Data", null); // keeps the position of the first unnamed value
                }
                unnamed.add(child.text() == null ? "" : child.text());
            } else if (child.name().equals("Binary")) {
                out.put("Binary", child.text());
            } else {
                flattenElement("", unique(seen, child.name()), child, out);
            }
        }
        if (unnamed != null) {
            boolean single = unnamed.size() == 1 && "".equals(unnamed.get(0));
            out.set("Data", single ? null : unnamed);
        }
    }

    public static void flattenUserData(ElementNode userData, Fields.Builder out) {
        for (ElementNode inner : userData.children()) {
            putAttributes(inner.name(), inner, out);
            if (inner.children().isEmpty()) {
                out.put(inner.name(), inner.text());
                continue;
            }
            Map<String, Integer> seen = new HashMap<>();
            for (ElementNode child : inner.children()) {
                flattenElement("", unique(seen, child.name()), child, out);
            }
        }
    }

    /** An element at any depth: text under its name, attributes and children under {@code name_}. */
    public static void flattenElement(String prefix, String uniqueName, ElementNode element, Fields.Builder out) {
        String name = prefix + uniqueName;
        putAttributes(name, element, out);
        if (element.text() != null) {
            out.put(name, element.text());
        } else if (element.attributes().isEmpty() && element.children().isEmpty()) {
            out.put(name, null);
        }
        flattenChildren(name, element, out);
    }

    private static void flattenChildren(String name, ElementNode element, Fields.Builder out) {
        if (element.children().isEmpty()) {
            return;
        }
        Map<String, Integer> seen = new HashMap<>();
        for (ElementNode child : element.children()) {
            flattenElement(name + "_", unique(seen, child.name()), child, out);
        }
    }

    private static void putAttributes(String element, ElementNode node, Fields.Builder out) {
        for (ElementNode.Attribute attribute : node.attributes()) {
            out.put(element + "_" + attribute.name(), attribute.value());
        }
    }

    /** {@code X}, then {@code X_1}, {@code X_2} for repeated sibling names, as the evtx crate names them. */
    static String unique(Map<String, Integer> seen, String name) {
        Integer count = seen.get(name);
        seen.put(name, count == null ? 1 : count + 1);
        return count == null ? name : name + "_" + count;
    }
}
