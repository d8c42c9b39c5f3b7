package org.sigmascope.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Match;

/** Huge values (a script block of megabytes) are cut in the report, with the matched part kept in view. */
class LongValuesTest {
    @Test
    void aLongValueIsCutAndSaysHowMuchWasLeftOut() {
        HtmlOut out = new HtmlOut();
        Parts.value(out, "x".repeat(Parts.MAX_VALUE + 1234));
        String html = out.toString();
        assertTrue(html.contains("1,234 more characters not shown"), html.substring(html.length() - 200));
        assertTrue(html.length() < Parts.MAX_VALUE + 200);
    }

    @Test
    void theMatchInALongValueStaysInViewWithItsContext() {
        String value = "a".repeat(100_000) + "Invoke-Mimikatz" + "b".repeat(100_000);
        HtmlOut out = new HtmlOut();
        DetectionsSection.marked(out, new Match.FieldHit("ScriptBlockText", List.of("contains"), "Invoke-Mimikatz",
                value, 100_000, 100_015));
        String html = out.toString();
        assertTrue(html.contains("a<mark>Invoke-Mimikatz</mark>b"), "the match is marked");
        assertTrue(html.contains("196,000 more characters not shown"), "2,000 characters of context each side");
        assertTrue(html.length() < 5_000);
    }

    @Test
    void aShortValueIsMarkedWhole() {
        HtmlOut out = new HtmlOut();
        DetectionsSection.marked(out, new Match.FieldHit("Image", List.of("endswith"), "\\scrcons.exe",
                "C:\\Windows\\System32\\wbem\\scrcons.exe", 24, 36));
        assertEquals("C:\\Windows\\System32\\wbem<mark>\\scrcons.exe</mark>", out.toString());
    }
}
