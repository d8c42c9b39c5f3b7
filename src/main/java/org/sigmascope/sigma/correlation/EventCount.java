package org.sigmascope.sigma.correlation;

import java.util.Collection;

/** {@code event_count}: how many matches the window holds. */
final class EventCount extends Measure {
    @Override
    void add(Entry entry) {
        // the window's size is the measure
    }

    @Override
    void remove(Entry entry) {
        // the window's size is the measure
    }

    @Override
    double value(Collection<Entry> window) {
        return window.size();
    }

    @Override
    String describe() {
        return "events";
    }
}
