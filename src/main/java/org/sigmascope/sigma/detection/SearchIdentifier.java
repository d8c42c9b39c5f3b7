package org.sigmascope.sigma.detection;

import java.util.ArrayList;
import java.util.List;

import org.sigmascope.model.Match.FieldHit;

/**
 * A named search of a rule's detection: alternatives (a list of maps) of which any may hold, each an AND of
 * {@link FieldCondition}s (a map). A list of plain values is one alternative holding one keyword condition.
 */
public record SearchIdentifier(String name, List<List<FieldCondition>> alternatives) {
    public SearchIdentifier {
        List<List<FieldCondition>> copy = new ArrayList<>(alternatives.size());
        for (List<FieldCondition> alternative : alternatives) {
            copy.add(List.copyOf(alternative));
        }
        alternatives = List.copyOf(copy);
    }

    /** The hits of the first alternative that holds, or {@code null} when none does. */
    public List<FieldHit> evaluate(EventView event) {
        for (List<FieldCondition> alternative : alternatives) {
            List<FieldHit> hits = new ArrayList<>();
            boolean holds = true;
            for (FieldCondition condition : alternative) {
                List<FieldHit> conditionHits = condition.evaluate(event);
                if (conditionHits == null) {
                    holds = false;
                    break;
                }
                hits.addAll(conditionHits);
            }
            if (holds) {
                return hits;
            }
        }
        return null;
    }
}
