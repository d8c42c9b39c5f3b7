package org.sigmascope.sigma.compiled;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

/** The automaton against a naive search, on random patterns and texts over a small alphabet (many overlaps). */
class AhoCorasickTest {

    @Test
    void findsExactlyThePatternsANaiveSearchFinds() {
        Random random = new Random(8);
        for (int round = 0; round < 300; round++) {
            List<String> patterns = new ArrayList<>();
            int count = 1 + random.nextInt(40);
            for (int i = 0; i < count; i++) {
                String pattern = text(random, 1 + random.nextInt(6));
                if (!patterns.contains(pattern)) {
                    patterns.add(pattern);
                }
            }
            AhoCorasick automaton = new AhoCorasick(patterns);
            String text = text(random, random.nextInt(60));
            assertEquals(naive(patterns, text), found(automaton, text), "patterns " + patterns + " in " + text);
        }
    }

    @Test
    void charsOutsideThePatternsResetTheSearch() {
        AhoCorasick automaton = new AhoCorasick(List.of("\\POWERSHELL.EXE", "POWER", "\u00e9T\u00e9"));
        assertEquals(Set.of(0, 1), found(automaton, "C:\\X\\POWERSHELL.EXE"));
        assertEquals(Set.of(1), found(automaton, "POWXPOWER"));
        assertEquals(Set.of(2), found(automaton, "\u00e9t\u00e9\u00e9T\u00e9"));
        assertEquals(Set.of(), found(automaton, "POWE\u4e2dR"));
    }

    private static String text(Random random, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append("abcab\u00e9".charAt(random.nextInt(6)));
        }
        return text.toString();
    }

    private static Set<Integer> naive(List<String> patterns, String text) {
        Set<Integer> found = new TreeSet<>();
        for (int p = 0; p < patterns.size(); p++) {
            if (text.contains(patterns.get(p))) {
                found.add(p);
            }
        }
        return found;
    }

    private static Set<Integer> found(AhoCorasick automaton, String text) {
        Set<Integer> found = new TreeSet<>();
        int[][] sink = {new int[4]};
        int[] stamps = new int[automaton.patterns()];
        int state = 0;
        int count = 0;
        for (int i = 0; i < text.length(); i++) {
            state = automaton.step(state, automaton.classOf(text.charAt(i)));
            if (automaton.reports(state)) {
                count = automaton.collect(state, sink, count, stamps, 1);
            }
        }
        for (int i = 0; i < count; i++) {
            found.add(sink[0][i]);
        }
        return found;
    }
}
