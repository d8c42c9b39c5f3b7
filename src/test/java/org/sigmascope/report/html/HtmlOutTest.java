package org.sigmascope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The element writer refuses what would let evidence become markup, even when a caller makes a mistake. */
class HtmlOutTest {
    @Test
    void escapesTextAndAttributeValues() {
        HtmlOut out = new HtmlOut();
        out.element("td", "<b>x</b>", "title", "\"><script>");
        assertEquals("<td title=\"&quot;&gt;&lt;script&gt;\">&lt;b&gt;x&lt;/b&gt;</td>", out.toString());
    }

    @Test
    void refusesEventHandlersStylesAndUnsafeLinks() {
        HtmlOut out = new HtmlOut();
        assertThrows(IllegalArgumentException.class, () -> out.open("img", "onerror", "x"));
        assertThrows(IllegalArgumentException.class, () -> out.open("div", "style", "x"));
        assertThrows(IllegalArgumentException.class, () -> out.open("a", "href", "javascript:alert(1)"));
        assertThrows(IllegalArgumentException.class, () -> out.open("a", "href", "#a\"b"));
        assertThrows(IllegalArgumentException.class, () -> out.open("script x", "a", "b"));
        assertThrows(IllegalArgumentException.class, () -> out.open("div", "data-x onclick", "b"));
        out.element("a", "ok", "href", "#d-1").element("a", "ok", "href", "https://example.org/");
        assertEquals("<a href=\"#d-1\">ok</a><a href=\"https://example.org/\">ok</a>", out.toString());
    }

    @Test
    void elementsCloseInOrder() {
        HtmlOut out = new HtmlOut().open("div").open("p");
        assertThrows(IllegalStateException.class, () -> out.close("div"));
    }
}
