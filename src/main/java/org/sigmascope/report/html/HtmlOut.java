package org.sigmascope.report.html;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.regex.Pattern;

/**
 * Writes HTML elements so that no evidence can become markup: text and attribute values always pass through
 * {@link Html}, tag and attribute names must be plain lower-case words written by us, event-handler attributes
 * are refused, and link targets must be an in-page anchor or an {@link SafeUrl http(s) URL}. Elements are closed
 * in order, checked.
 */
final class HtmlOut {
    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern ANCHOR = Pattern.compile("#[A-Za-z0-9_-]+");

    private final StringBuilder out;
    private final Deque<String> open = new ArrayDeque<>();

    HtmlOut(StringBuilder out) {
        this.out = out;
    }

    HtmlOut() {
        this(new StringBuilder(1 << 16));
    }

    /** Opens an element; {@code attributes} are name, value pairs (a {@code null} value leaves it out). */
    HtmlOut open(String tag, String... attributes) {
        startTag(tag, attributes);
        open.push(tag);
        return this;
    }

    /** An element without content ({@code br}, {@code col}, {@code meta}). */
    HtmlOut empty(String tag, String... attributes) {
        startTag(tag, attributes);
        return this;
    }

    HtmlOut close(String tag) {
        String expected = open.poll();
        if (!tag.equals(expected)) {
            throw new IllegalStateException("closing <" + tag + "> but <" + expected + "> is open");
        }
        out.append("</").append(tag).append('>');
        return this;
    }

    /** An element holding only text. */
    HtmlOut element(String tag, String text, String... attributes) {
        return open(tag, attributes).text(text).close(tag);
    }

    HtmlOut text(String text) {
        out.append(Html.text(text));
        return this;
    }

    /** Markup that we wrote ourselves (the style sheet, SVG made by {@link SvgCharts}); never evidence. */
    HtmlOut trusted(String markup) {
        out.append(markup);
        return this;
    }

    HtmlOut newline() {
        out.append('\n');
        return this;
    }

    private void startTag(String tag, String... attributes) {
        requireName(tag);
        if (attributes.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name, value pairs");
        }
        // Everything is checked before anything is written, so a refused tag leaves no trace in the page.
        for (int i = 0; i < attributes.length; i += 2) {
            check(attributes[i], attributes[i + 1]);
        }
        out.append('<').append(tag);
        for (int i = 0; i < attributes.length; i += 2) {
            if (attributes[i + 1] != null) {
                out.append(' ').append(attributes[i]).append("=\"").append(Html.attr(attributes[i + 1])).append('"');
            }
        }
        out.append('>');
    }

    private static void check(String name, String value) {
        requireName(name);
        if (name.startsWith("on") || name.equals("style") || name.equals("srcdoc")) {
            throw new IllegalArgumentException("attribute " + name + " is never written");
        }
        if (value != null && (name.equals("href") || name.equals("src") || name.equals("action")
                || name.equals("formaction")) && !ANCHOR.matcher(value).matches() && SafeUrl.http(value).isEmpty()) {
            throw new IllegalArgumentException("refusing an unsafe link target");
        }
    }

    private static void requireName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a tag or attribute name: " + name);
        }
    }

    boolean balanced() {
        return open.isEmpty();
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
