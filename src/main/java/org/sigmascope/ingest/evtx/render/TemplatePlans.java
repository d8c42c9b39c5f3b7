package org.sigmascope.ingest.evtx.render;

import java.util.Arrays;

import org.sigmascope.ingest.evtx.binxml.Program;

/**
 * The plans of one template, one per shape of its values met so far. A template seldom has more than two or
 * three shapes (an optional value present or null); the number kept is bounded so a hostile file cannot grow it.
 */
final class TemplatePlans {
    /** Kept for a shape whose template cannot be planned: such records take the full walk. */
    static final FieldPlan WALK = null;
    private static final int MAX_SHAPES = 32;

    private final int id;
    private final Program program;
    private LastValues lastValues;
    private int[][] signatures = new int[2][];
    private FieldPlan[] plans = new FieldPlan[2];
    private int count;

    /**
     * @param id      tells this template apart in the shape of the values of the templates it is nested in
     * @param program the template's program as first met (equal programs of later chunks or records share it)
     */
    TemplatePlans(int id, Program program) {
        this.id = id;
        this.program = program;
    }

    Program program() {
        return program;
    }

    int id() {
        return id;
    }

    /** The template's last values, one per value position (the template's substitutions, in order). */
    LastValues lastValues(int positions) {
        if (lastValues == null) {
            lastValues = new LastValues(positions);
        }
        return lastValues;
    }

    /** Whether the shape {@code signature[0, length)} has been met; its plan is then {@link #plan(int)}. */
    int find(int[] signature, int length) {
        for (int i = 0; i < count; i++) {
            if (Arrays.equals(signatures[i], 0, signatures[i].length, signature, 0, length)) {
                return i;
            }
        }
        return -1;
    }

    FieldPlan plan(int shape) {
        return plans[shape];
    }

    boolean full() {
        return count == MAX_SHAPES;
    }

    /** Remembers the plan (or {@link #WALK}) of a new shape. */
    void add(int[] signature, int length, FieldPlan plan) {
        if (count == plans.length) {
            signatures = Arrays.copyOf(signatures, count * 2);
            plans = Arrays.copyOf(plans, count * 2);
        }
        signatures[count] = Arrays.copyOf(signature, length);
        plans[count] = plan;
        count++;
    }
}
