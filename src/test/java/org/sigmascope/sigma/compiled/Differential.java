package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.eval.RuleEngine;

/**
 * Runs two engines on every event and records each event where their detections differ: which rules, in which
 * order, with which explanations. Passes the first engine's detections on. Thread-safe.
 */
final class Differential implements RuleEngine {
    private final RuleEngine reference;
    private final RuleEngine candidate;
    private final List<String> differences = java.util.Collections.synchronizedList(new ArrayList<>());
    private final java.util.concurrent.atomic.AtomicLong events = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong detections = new java.util.concurrent.atomic.AtomicLong();

    Differential(RuleEngine reference, RuleEngine candidate) {
        this.reference = reference;
        this.candidate = candidate;
    }

    @Override
    public void match(Event event, Consumer<Detection> sink) {
        List<Detection> expected = new ArrayList<>();
        List<Detection> actual = new ArrayList<>();
        reference.match(event, expected::add);
        candidate.match(event, actual::add);
        events.incrementAndGet();
        detections.addAndGet(expected.size());
        if (!expected.equals(actual) && differences.size() < 50) {
            differences.add("event " + event.id() + " (" + event.channel() + " " + event.eventId() + ", record "
                    + event.recordId() + "): reference " + describe(expected) + ", compiled " + describe(actual));
        }
        expected.forEach(sink);
    }

    private static String describe(List<Detection> detections) {
        List<String> parts = new ArrayList<>();
        for (Detection d : detections) {
            parts.add(d.rule().id() + " " + d.match());
        }
        return parts.toString();
    }

    List<String> differences() {
        return List.copyOf(differences);
    }

    long events() {
        return events.get();
    }

    long detections() {
        return detections.get();
    }
}
