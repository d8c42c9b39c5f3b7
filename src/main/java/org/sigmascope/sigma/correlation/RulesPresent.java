package org.sigmascope.sigma.correlation;

import java.util.Collection;

/** {@code temporal}: how many of the referenced rules have a match in the window, in any order. */
final class RulesPresent extends Measure {
    private final int[] matches;
    private int present;

    RulesPresent(int rules) {
        this.matches = new int[rules];
    }

    @Override
    void add(Entry entry) {
        if (matches[entry.member()]++ == 0) {
            present++;
        }
    }

    @Override
    void remove(Entry entry) {
        if (--matches[entry.member()] == 0) {
            present--;
        }
    }

    @Override
    double value(Collection<Entry> window) {
        return present;
    }

    @Override
    String describe() {
        return "rules matched";
    }
}
