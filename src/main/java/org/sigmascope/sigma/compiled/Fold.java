package org.sigmascope.sigma.compiled;

/**
 * Case folding for the multi-pattern search: every UTF-16 char maps to one representative of its class, where
 * a class joins each char with its upper-, lower- and title-case forms (transitively). Two chars that any of the
 * engine's case-insensitive comparisons call equal (the wildcard matcher's "equal upper or equal lower case",
 * {@code java.util.regex}'s {@code CASE_INSENSITIVE | UNICODE_CASE}) therefore fold to the same char.
 *
 * <p>The classes are coarser than those comparisons (a few exotic chars, such as the dotless and dotted i, join
 * classes through a common form without comparing equal themselves), so a search over folded text finds a superset
 * of the real matches; the engine verifies every candidate with the rule's own matcher. Surrogates fold to
 * themselves.
 */
final class Fold {
    private static final char[] TABLE = build();

    private Fold() {
    }

    static char fold(char c) {
        return TABLE[c];
    }

    private static char[] build() {
        int[] parent = new int[65536];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int c = 0; c < 65536; c++) {
            if (Character.isSurrogate((char) c)) {
                continue;
            }
            int[] forms = {Character.toUpperCase(c), Character.toLowerCase(c), Character.toTitleCase(c),
                Character.toLowerCase(Character.toUpperCase(c)), Character.toUpperCase(Character.toLowerCase(c))};
            for (int form : forms) {
                if (form < 65536 && !Character.isSurrogate((char) form)) {
                    union(parent, c, form);
                }
            }
        }
        char[] table = new char[65536];
        for (int c = 0; c < 65536; c++) {
            table[c] = (char) find(parent, c);
        }
        return table;
    }

    private static int find(int[] parent, int c) {
        while (parent[c] != c) {
            parent[c] = parent[parent[c]];
            c = parent[c];
        }
        return c;
    }

    /** Joins the classes of two chars; the smaller char represents them, so ASCII letters fold to upper case. */
    private static void union(int[] parent, int a, int b) {
        int ra = find(parent, a);
        int rb = find(parent, b);
        if (ra < rb) {
            parent[rb] = ra;
        } else if (rb < ra) {
            parent[ra] = rb;
        }
    }
}
