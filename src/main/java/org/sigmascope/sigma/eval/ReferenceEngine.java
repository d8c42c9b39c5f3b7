package org.sigmascope.sigma.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * The reference evaluator: every rule, one after the other, evaluated as written. Clear rather than fast; the
 * compiled engine must agree with it on every (event, rule) pair and explanation.
 */
public final class ReferenceEngine implements RuleEngine {
    private record BoundRule(SigmaRule rule, List<SourceBinding> bindings) {
    }

    private final List<BoundRule> rules = new ArrayList<>();

    public ReferenceEngine(RuleSet ruleSet, LogsourceMapping mapping) {
        for (SigmaRule rule : ruleSet.rules()) {
            List<SourceBinding> bindings = mapping.bindingsFor(rule.logsource());
            if (!bindings.isEmpty()) {
                rules.add(new BoundRule(rule, bindings));
            }
        }
    }

    @Override
    public void match(Event event, Consumer<Detection> sink) {
        for (BoundRule bound : rules) {
            for (SourceBinding binding : bound.bindings()) {
                if (binding.fits(event)) {
                    EventView view = binding.view(event);
                    if (ConditionEvaluator.matches(bound.rule(), view)) {
                        sink.accept(new Detection(event, bound.rule().info(),
                                ConditionEvaluator.explain(bound.rule(), view)));
                        break;
                    }
                }
            }
        }
    }
}
