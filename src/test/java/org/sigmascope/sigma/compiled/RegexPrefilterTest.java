package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The literals a regular expression needs: right where it understands, nothing where it does not. */
class RegexPrefilterTest {

    private static List<String> literals(String regex) {
        return RegexPrefilter.requiredLiterals(Pattern.compile(regex));
    }

    @Test
    void takesTheLongestRequiredRunOfEachAlternative() {
        assertEquals(List.of("\\POWERSHELL.EXE"), literals("(?i)\\\\powershell\\.exe$"));
        assertEquals(List.of("EXPRESSION", "COMMAND"), literals("[Ii]nvoke-(Expression|Command)"));
        assertEquals(List.of("NVOKE-"), literals("[Ii]nvoke-(Expression|Cmd)"), "the rarer requirement");
        assertEquals(List.of("FROMBASE64"), literals("frombase64\\w+\\("));
        assertEquals(List.of("VIEW", "USER"), literals("net\\s+view|user\\d"));
        assertEquals(List.of("AB"), literals("abc?d"), "an optional char is not required");
        assertEquals(List.of("XY"), literals("a*xy+z{0,2}"));
        assertEquals(List.of("ABCD"), literals("(?<n>abcd)ef\\k<n>"));
        assertEquals(List.of("EF"), literals("(?<n>abcd)?ef(?=xyz)"), "an optional group, a lookahead");
        assertEquals(List.of("MIMIKATZ", "SEKURLSA"), literals("(?i:mimikatz|sekurlsa)::"));
    }

    @Test
    void givesUpWhereItCannotTell() {
        assertNull(literals(".*"));
        assertNull(literals("a|.+"), "an alternative without literal text");
        assertNull(literals("(?x) a b c"), "comments mode");
        assertNull(literals("\\Qabc\\E"));
        assertNull(RegexPrefilter.requiredLiterals(Pattern.compile("abc", Pattern.COMMENTS)));
    }

    @Test
    void everyMatchContainsOneOfTheLiterals() {
        String[][] cases = {
            {"(?i)\\\\(cmd|powershell)\\.exe\\s+/c", "C:\\Windows\\CMD.EXE /c whoami"},
            {"[a-z]{3}\\.dll,#\\d+", "rundll32 abc.dll,#1"},
            {"(?i)iex\\s*\\(", "IEX (New-Object Net.WebClient)"},
        };
        for (String[] c : cases) {
            Pattern pattern = Pattern.compile(c[0]);
            assertTrue(pattern.matcher(c[1]).find());
            String folded = TextTest.fold(c[1]);
            assertTrue(RegexPrefilter.requiredLiterals(pattern).stream().anyMatch(folded::contains), c[0]);
        }
    }
}
