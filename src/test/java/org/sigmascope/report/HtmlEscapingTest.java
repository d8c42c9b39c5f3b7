package org.sigmascope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.sigmascope.report.html.Html;
import org.sigmascope.report.html.SafeUrl;

/** The escaper and the link check that every piece of evidence and rule text in the HTML report goes through. */
class HtmlEscapingTest {
    @Test
    void markupCharactersBecomeReferencesInTextAndAttributes() {
        assertEquals("&lt;img src=x onerror=&quot;alert(1)&quot;&gt;", Html.text("<img src=x onerror=\"alert(1)\">"));
        assertEquals("&lt;/script&gt;&lt;script&gt;x()&lt;/script&gt;", Html.text("</script><script>x()</script>"));
        assertEquals("a &amp; b 'c'", Html.attr("a & b 'c'"));
        assertEquals("a &amp; b &#39;c&#39;", Html.text("a & b 'c'"));
        assertEquals("&quot;&gt;&lt;svg onload=x&gt;", Html.attr("\"><svg onload=x>"));
        assertEquals("&amp;lt;", Html.text("&lt;"), "an entity in evidence is shown as written, not decoded");
    }

    @Test
    void plainTextIsReturnedAsItIs() {
        String plain = "C:\\Windows\\System32\\svchost.exe -k DcomLaunch -p\tä 日本 😀";
        assertEquals(plain, Html.text(plain));
        assertEquals("", Html.text(null));
    }

    @Test
    void hiddenAndReorderingCharactersAreMadeVisible() {
        assertEquals("invoice<span class=\"ctl\">\\u202E</span>fdp.exe", Html.text("invoice\u202Efdp.exe"));
        assertEquals("invoice\\u202Efdp.exe", Html.attr("invoice\u202Efdp.exe"), "attributes get no markup");
        assertEquals("a<span class=\"ctl\">\\u0000</span>b<span class=\"ctl\">\\u001B</span>",
                Html.text("a\u0000b\u001B"));
        assertEquals("zero<span class=\"ctl\">\\u200B</span>width", Html.text("zero\u200Bwidth"));
        assertEquals("<span class=\"ctl\">\\uFEFF</span>bom", Html.text("\uFEFFbom"));
        assertEquals("line\r\nbreak\ttab", Html.text("line\r\nbreak\ttab"), "line breaks and tabs are kept");
    }

    @Test
    void unpairedSurrogatesBecomeReplacementCharacters() {
        assertEquals("a\uFFFDb", Html.text("a\uD800b"));
        assertEquals("a\uFFFDb", Html.text("a\uDC00b"));
        assertEquals("\uFFFD", Html.text("\uD800"));
        assertEquals("😀", Html.text("\uD83D\uDE00"));
    }

    @Test
    void onlyHttpAndHttpsUrlsWithAHostBecomeLinks() {
        assertEquals(Optional.of("https://attack.mitre.org/techniques/T1546/003/"),
                SafeUrl.http("https://attack.mitre.org/techniques/T1546/003/"));
        assertEquals(Optional.of("http://example.org/a?b=1&c=2"), SafeUrl.http(" http://example.org/a?b=1&c=2 "));
        assertTrue(SafeUrl.http("HTTPS://EXAMPLE.ORG/").isPresent());
        for (String refused : new String[] {"javascript:alert(1)", "JavaScript:alert(1)", " javascript:x",
            "data:text/html,<script>x</script>", "vbscript:x", "file:///etc/passwd", "//example.org/x",
            "/relative/path", "https://", "https:///path", "https://example.org/\"><script>x</script>",
            "https://exa mple.org/", "https://example.org/\u202Eexe", "http://example.org/a\\b", "", null,
            "java\tscript:alert(1)", "https://example.org/" + "a".repeat(3000)}) {
            assertFalse(SafeUrl.http(refused).isPresent(), "should stay text: " + refused);
        }
    }
}
