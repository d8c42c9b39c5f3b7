package org.sigmascope.report;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Reads the DOM that Chromium serialized ({@code --dump-dom}): every element with its attributes and ancestors, and
 * the text a reader sees. Serialized DOM is well formed (every non-void element closed, attribute values in
 * double quotes, {@code &}, {@code <}, {@code >} in text escaped), so a small tokenizer reads it exactly; what an
 * injected payload would add (an element, an attribute) shows up here as such.
 */
final class Dom {
    private static final Set<String> VOID = Set.of("area", "base", "br", "col", "embed", "hr", "img", "input", "link",
            "meta", "param", "source", "track", "wbr");
    private static final Set<String> RAW_TEXT = Set.of("style", "script", "xmp", "iframe", "noembed", "noframes",
            "noscript", "plaintext", "textarea");

    /** An element, its attributes in order, and its ancestors (outermost first). */
    record Element(String name, Map<String, String> attributes, List<Element> ancestors) {
        String attr(String name) {
            return attributes.get(name);
        }

        boolean hasClass(String css) {
            String classes = attributes.get("class");
            return classes != null && List.of(classes.split("\\s+")).contains(css);
        }

        boolean within(Predicate<Element> test) {
            return ancestors.stream().anyMatch(test);
        }
    }

    /** A piece of text and the elements around it. */
    record Text(String text, List<Element> ancestors) {
    }

    final List<Element> elements = new ArrayList<>();
    final List<Text> texts = new ArrayList<>();

    private Dom() {
    }

    static Dom parse(String html) {
        Dom dom = new Dom();
        Deque<Element> open = new ArrayDeque<>();
        int i = 0;
        int n = html.length();
        StringBuilder text = new StringBuilder();
        while (i < n) {
            char c = html.charAt(i);
            if (c != '<') {
                text.append(c);
                i++;
                continue;
            }
            dom.flush(text, open);
            if (html.startsWith("<!--", i)) {
                i = html.indexOf("-->", i) + 3;
            } else if (html.startsWith("<!", i)) {
                i = html.indexOf('>', i) + 1;
            } else if (html.startsWith("</", i)) {
                int end = html.indexOf('>', i);
                String name = html.substring(i + 2, end).trim().toLowerCase(java.util.Locale.ROOT);
                while (!open.isEmpty() && !open.pop().name().equals(name)) {
                    // a well-formed dump closes in order; popping to the match is for safety only
                }
                i = end + 1;
            } else {
                i = dom.startTag(html, i, open);
            }
        }
        dom.flush(text, open);
        return dom;
    }

    private int startTag(String html, int start, Deque<Element> open) {
        int i = start + 1;
        int nameStart = i;
        while (i < html.length() && !Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '>'
                && html.charAt(i) != '/') {
            i++;
        }
        String name = html.substring(nameStart, i).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        while (true) {
            while (Character.isWhitespace(html.charAt(i)) || html.charAt(i) == '/') {
                i++;
            }
            if (html.charAt(i) == '>') {
                i++;
                break;
            }
            int attrStart = i;
            while (!Character.isWhitespace(html.charAt(i)) && html.charAt(i) != '=' && html.charAt(i) != '>') {
                i++;
            }
            String attr = html.substring(attrStart, i).toLowerCase(java.util.Locale.ROOT);
            String value = "";
            if (html.charAt(i) == '=') {
                i++;
                char quote = html.charAt(i);
                if (quote == '"' || quote == '\'') {
                    int end = html.indexOf(quote, i + 1);
                    value = decode(html.substring(i + 1, end));
                    i = end + 1;
                } else {
                    int end = i;
                    while (!Character.isWhitespace(html.charAt(end)) && html.charAt(end) != '>') {
                        end++;
                    }
                    value = decode(html.substring(i, end));
                    i = end;
                }
            }
            attributes.put(attr, value);
        }
        List<Element> ancestors = new ArrayList<>(open);
        java.util.Collections.reverse(ancestors);
        Element element = new Element(name, attributes, List.copyOf(ancestors));
        elements.add(element);
        if (RAW_TEXT.contains(name)) {
            int end = html.indexOf("</" + name, i);
            return html.indexOf('>', end) + 1;
        }
        if (!VOID.contains(name)) {
            open.push(element);
        }
        return i;
    }

    private void flush(StringBuilder text, Deque<Element> open) {
        if (text.length() > 0) {
            List<Element> ancestors = new ArrayList<>(open);
            java.util.Collections.reverse(ancestors);
            texts.add(new Text(decode(text.toString()), List.copyOf(ancestors)));
            text.setLength(0);
        }
    }

    static String decode(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int semi = c == '&' ? s.indexOf(';', i) : -1;
            if (semi < 0 || semi - i > 10) {
                out.append(c);
                continue;
            }
            String entity = s.substring(i + 1, semi);
            String decoded = switch (entity) {
                case "amp" -> "&";
                case "lt" -> "<";
                case "gt" -> ">";
                case "quot" -> "\"";
                case "apos" -> "'";
                case "nbsp" -> "\u00A0";
                default -> entity.startsWith("#x")
                        ? new String(Character.toChars(Integer.parseInt(entity.substring(2), 16)))
                        : entity.startsWith("#") ? new String(Character.toChars(Integer.parseInt(entity.substring(1))))
                        : null;
            };
            if (decoded == null) {
                out.append(c);
                continue;
            }
            out.append(decoded);
            i = semi;
        }
        return out.toString();
    }

    /** All text a reader sees, pieces joined by spaces. */
    String text() {
        return textWithin(e -> true);
    }

    /** The text inside elements that pass the test (e.g. the section with an id). */
    String textWithin(Predicate<Element> test) {
        StringBuilder out = new StringBuilder();
        for (Text t : texts) {
            if (t.ancestors().stream().anyMatch(test)) {
                out.append(t.text()).append(' ');
            }
        }
        return out.toString();
    }

    List<Element> all(String name) {
        return elements.stream().filter(e -> e.name().equals(name)).toList();
    }

    /** The element with this id, or null. */
    Element byId(String id) {
        return elements.stream().filter(e -> id.equals(e.attr("id"))).findFirst().orElse(null);
    }

    String title() {
        return texts.stream().filter(t -> !t.ancestors().isEmpty()
                        && t.ancestors().get(t.ancestors().size() - 1).name().equals("title")
                        && t.ancestors().stream().anyMatch(a -> a.name().equals("head")))
                .map(Text::text).findFirst().orElse("");
    }
}
