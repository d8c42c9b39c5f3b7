package org.sigmascope.sigma;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.detection.WildcardMatcher;

/** Wildcards, escapes and case of Sigma string values (Sigma specification 2.1). */
class SigmaStringTest {
    private static final EventView NO_EVENT = EventView.of(Fields.empty());

    private static boolean matches(String rule, String value) {
        return new WildcardMatcher(SigmaString.parse(rule), false).match(true, value, NO_EVENT) != null;
    }

    @Test
    void windowsPathsNeedNoEscaping() {
        SigmaString path = SigmaString.parse("C:\\Windows\\System32\\");
        assertEquals(List.of(new SigmaString.Literal("C:\\Windows\\System32\\")), path.parts());
        assertTrue(matches("C:\\Windows\\System32\\cmd.exe", "c:\\windows\\system32\\CMD.EXE"));
    }

    @Test
    void escapedWildcardsAreLiteral() {
        assertEquals(List.of(new SigmaString.Literal("a*b?c")), SigmaString.parse("a\\*b\\?c").parts());
        assertTrue(matches("a\\*b", "a*b"));
        assertFalse(matches("a\\*b", "axxb"));
    }

    @Test
    void doubleBackslashBeforeAWildcardIsABackslashThenTheWildcard() {
        assertEquals(List.of(new SigmaString.Literal("C:\\"), SigmaString.Wildcard.ANY_RUN),
                SigmaString.parse("C:\\\\*").parts());
        assertTrue(matches("C:\\\\*", "C:\\anything"));
    }

    @Test
    void tripleBackslashStarIsABackslashThenALiteralStar() {
        assertEquals(List.of(new SigmaString.Literal("a\\*")), SigmaString.parse("a\\\\\\*").parts());
        assertTrue(matches("a\\\\\\*", "a\\*"));
        assertFalse(matches("a\\\\\\*", "a\\x"));
    }

    @Test
    void trailingBackslashIsLiteral() {
        assertEquals(List.of(new SigmaString.Literal("dir\\")), SigmaString.parse("dir\\").parts());
    }

    @Test
    void questionMarkIsExactlyOneCharacter() {
        assertTrue(matches("a?c", "abc"));
        assertFalse(matches("a?c", "ac"));
        assertFalse(matches("a?c", "abbc"));
    }

    @Test
    void wildcardsInTheMiddleMatchAcrossLines() {
        assertTrue(matches("*powershell*-enc*", "cmd /c PowerShell\n -Enc AAAA"));
        assertFalse(matches("*powershell*-enc*", "powershell.exe -nop"));
    }

    @Test
    void comparisonIgnoresCaseUnlessCased() {
        assertTrue(matches("SCRCONS.EXE", "scrcons.exe"));
        assertNull(new WildcardMatcher(SigmaString.parse("SCRCONS.EXE"), true).match(true, "scrcons.exe", NO_EVENT));
    }

    @Test
    void numbersMatchTheirTextForm() {
        assertTrue(matches("4688", "4688"));
        assertNotNull(new WildcardMatcher(SigmaString.parse("4688"), false).match(true, 4688L, NO_EVENT));
    }

    @Test
    void containsReportsTheMatchedPart() {
        ValueMatcher.Hit hit = new WildcardMatcher(SigmaString.parse("*Net.WebClient*"), false)
                .match(true, "IEX (New-Object net.webclient).Download", NO_EVENT);
        assertEquals(new ValueMatcher.Hit(16, 29), hit);
    }

    @Test
    void writesBackWhatItParsed() {
        for (String text : List.of("C:\\Windows\\*", "a\\*b", "a\\\\\\*", "x?y", "dir\\", "\\\\server\\share")) {
            assertEquals(SigmaString.parse(text), SigmaString.parse(SigmaString.parse(text).toString()), text);
        }
    }

    @Test
    void severalWildcardsMatchLeftToRightAndReportTheSpanThatMatched() {
        WildcardMatcher matcher = new WildcardMatcher(SigmaString.parse("*powershell*-enc*"), false);
        assertEquals(new ValueMatcher.Hit(7, 27), matcher.match("cmd /c PowerShell -nop -EncodedCommand AAAA"));
        assertEquals(new ValueMatcher.Hit(0, 9), new WildcardMatcher(SigmaString.parse("a*b"), false).match("a-xyz-b-b"));
        assertNull(new WildcardMatcher(SigmaString.parse("a*b"), false).match("ab-"));
        assertEquals(new ValueMatcher.Hit(0, 0), new WildcardMatcher(SigmaString.parse(""), false).match(""));
        assertNull(new WildcardMatcher(SigmaString.parse(""), false).match("x"));
        assertEquals(new ValueMatcher.Hit(0, 3), new WildcardMatcher(SigmaString.parse("*"), false).match("abc"));
        assertTrue(matches("*a?c*d", "xxabcxd"));
        assertFalse(matches("*a?c*d", "xxacxd"));
    }

    @Test
    void matchingIsLinearEvenForManyWildcardsOnLongValues() {
        // A backtracking regular expression would take quadratic time or worse here; segments found left to
        // right take one pass. (No speed assertion: the point is that this returns at all on a shared machine.)
        String value = "a".repeat(200_000);
        assertFalse(matches("*a*a*a*a*a*a*a*a*b*", value));
    }

    @Test
    void characterSetsStandForOneCharacterAndPrintInBrackets() {
        SigmaString dash = SigmaString.of(List.of(new SigmaString.Literal("x"), new SigmaString.AnyOf("-/"),
                new SigmaString.Literal("y")), null);
        assertEquals("x[-/]y", dash.toString());
        assertTrue(new WildcardMatcher(dash, false).match("X/Y") != null);
        assertFalse(new WildcardMatcher(dash, false).match("x+y") != null);
    }
}
