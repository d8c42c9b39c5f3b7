package org.sigmascope.sigma.compiled;

/**
 * One thread's cost accounting per rule (by the engine's rule index), summed over threads when asked: counting
 * without sharing keeps the threads from contending on every evaluation.
 */
final class RuleCounters {
    final long[] evaluations;
    final long[] matches;
    final long[] nanos;
    /** Time in the scanners that decide the text tests of many rules at once. */
    long scanNanos;
    long events;

    RuleCounters(int rules) {
        evaluations = new long[rules];
        matches = new long[rules];
        nanos = new long[rules];
    }
}
