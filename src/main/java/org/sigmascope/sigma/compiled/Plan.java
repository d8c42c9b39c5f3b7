package org.sigmascope.sigma.compiled;

import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * Everything the engine does for one kind of event (a channel and event id): the rules that may see it, in rule
 * order, each with its condition over shared atoms; the scanners that decide each field's text tests in one pass;
 * and the triggers that say which rules to evaluate once the eager atoms are known. Immutable.
 */
final class Plan {
    /**
     * A rule seen through one of its bindings.
     *
     * @param rule       the rule's position in the engine's rule list (detections come in this order)
     * @param checkWhere whether the binding has {@code where} conditions to check on each event
     */
    record Candidate(int rule, SigmaRule sigmaRule, SourceBinding binding, boolean checkWhere, Node condition) {
    }

    final Candidate[] candidates;
    final Atom[] atoms;
    final Accessor[] accessors;
    final FieldScanner[] scanners;
    /** The accessor each scanner reads. */
    final int[] scannerAccessor;
    /** For each scanner, the atom of each of its tests. */
    final int[][] scannerAtoms;
    /** Scanners run on every event: they hold trigger atoms. */
    final int[] eagerScanners;
    /** Trigger atoms that are not text tests, evaluated on every event. */
    final int[] eagerDirect;
    /** For each atom, the candidates it triggers ({@code null} when none). */
    final int[][] candidatesOfAtom;
    /** Candidates without triggers, evaluated on every event. */
    final int[] always;

    Plan(Candidate[] candidates, Atom[] atoms, Accessor[] accessors, FieldScanner[] scanners, int[] scannerAccessor,
         int[][] scannerAtoms, int[] eagerScanners, int[] eagerDirect, int[][] candidatesOfAtom, int[] always) {
        this.candidates = candidates;
        this.atoms = atoms;
        this.accessors = accessors;
        this.scanners = scanners;
        this.scannerAccessor = scannerAccessor;
        this.scannerAtoms = scannerAtoms;
        this.eagerScanners = eagerScanners;
        this.eagerDirect = eagerDirect;
        this.candidatesOfAtom = candidatesOfAtom;
        this.always = always;
    }

    long bytes() {
        long total = 64L * atoms.length + 48L * candidates.length;
        for (FieldScanner scanner : scanners) {
            total += scanner.bytes();
        }
        return total;
    }
}
