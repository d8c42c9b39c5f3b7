package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.WildcardMatcher;

/**
 * The skip of GUID-, time- and hex-shaped values: only scanners none of whose literals can occur in such a value
 * skip it, and for them the full scan of any such value finds nothing.
 */
class FieldScannerShapeTest {

    private static FieldScanner scanner(String... values) {
        List<TextTest> tests = new ArrayList<>();
        for (String value : values) {
            tests.add(TextTest.Wildcard.of(new WildcardMatcher(SigmaString.parse(value), false)));
        }
        return new FieldScanner(0, tests);
    }

    @Test
    void shapedMeansEveryFoldedCharIsAShapeChar() {
        String shapeChars = "0123456789ABCDEFTXZ-{}:. ";
        for (char c = 0; c < 0x3000; c++) {
            boolean expected = shapeChars.indexOf(Fold.fold(c)) >= 0 && c < 128;
            assertEquals(expected, FieldScanner.shaped(String.valueOf(c)), "char " + (int) c);
        }
        assertTrue(FieldScanner.shaped("{8a3f0c1e-77b2-4d0e-9c1f-0a1b2c3d4e5f}"));
        assertTrue(FieldScanner.shaped("2026-11-29T16:20:00.1234567Z"));
        assertTrue(FieldScanner.shaped("0x3e7"));
        assertTrue(FieldScanner.shaped(""));
        assertFalse(FieldScanner.shaped("C:\\Windows\\System32\\cmd.exe"));
        assertFalse(FieldScanner.shaped("{8a3f0c1e-77b2-4d0e-9c1f-0a1b2c3d4e5g}"));
        // Long s folds to S, Kelvin sign to K: neither is ASCII, so neither is a shape char.
        assertFalse(FieldScanner.shaped("\u017f"));
        assertFalse(FieldScanner.shaped("\u212a"));
    }

    @Test
    void onlyScannersWhoseLiteralsCannotOccurSkip() {
        assertTrue(scanner("*mimikatz*", "*\\lsass.exe", "whoami").shapesNeverMatch);
        assertFalse(scanner("*mimikatz*", "*dead*").shapesNeverMatch, "a hex literal");
        assertFalse(scanner("*mimikatz*", "*2026-*").shapesNeverMatch, "a date literal");
        assertFalse(scanner("*mimikatz*", "{").shapesNeverMatch, "an exact value of shape chars");
        assertFalse(scanner("*mimikatz*", "*").shapesNeverMatch, "a test without a literal");
    }

    @Test
    void aSkippingScannerFindsNothingInAnyShapedValue() {
        FieldScanner skipping = scanner("*mimikatz*", "*-enc *", "*:\\*", "0x0G", "*{*}q*");
        FieldScanner finding = scanner("*-enc *", "*dead*", "0x3E7", "*t16:*");
        assertTrue(skipping.shapesNeverMatch);
        assertFalse(finding.shapesNeverMatch);
        FieldScanner.Scratch scratch = new FieldScanner.Scratch();
        assertArrayEquals(new int[] {1, 3}, sorted(finding.scan("{DEADBEEF-0000-0000-0000-T16:00000000000}", scratch)));
        assertArrayEquals(new int[] {2}, finding.scan("0x3e7", scratch));
        Random random = new Random(3);
        String shapeChars = "0123456789abcdefABCDEFtTxXzZ-{}:. ";
        for (int round = 0; round < 20_000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                text.append(shapeChars.charAt(random.nextInt(shapeChars.length())));
            }
            assertTrue(FieldScanner.shaped(text.toString()));
            assertEquals(0, skipping.scan(text.toString(), scratch).length, text.toString());
        }
    }

    private static int[] sorted(int[] found) {
        int[] copy = found.clone();
        Arrays.sort(copy);
        return copy;
    }
}
