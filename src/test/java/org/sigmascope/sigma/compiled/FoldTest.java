package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Folding must never separate two chars that a case-insensitive comparison of the engine calls equal. */
class FoldTest {

    @Test
    void everyCharFoldsWithItsCaseForms() {
        for (int c = 0; c < 65536; c++) {
            if (Character.isSurrogate((char) c)) {
                assertEquals(c, Fold.fold((char) c));
                continue;
            }
            for (int form : new int[] {Character.toUpperCase(c), Character.toLowerCase(c),
                Character.toTitleCase(c)}) {
                if (form < 65536) {
                    assertEquals(Fold.fold((char) c), Fold.fold((char) form), "U+" + Integer.toHexString(c));
                }
            }
        }
    }

    @Test
    void wildcardAndRegexEqualitiesFoldAlike() {
        // The wildcard matcher's equality is "equal upper or equal lower case"; regionMatches(ignoreCase) too.
        for (int a = 0; a < 65536; a += 7) {
            char x = (char) a;
            for (char y : new char[] {'i', 'I', 'k', 'K', 's', 'S', '\u0130', '\u0131', '\u017f', '\u212a', '\u00df'}) {
                if (String.valueOf(x).equalsIgnoreCase(String.valueOf(y))) {
                    assertEquals(Fold.fold(x), Fold.fold(y), "U+" + Integer.toHexString(a) + " and " + y);
                }
            }
        }
    }
}
