package org.sigmascope.sigma.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.logsource.LogsourceMapping;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * The reference evaluator: every rule of the event's logsource, one after the other, evaluated as written. Clear
 * rather than fast; the compiled engine must agree with it on every (event, rule) pair and explanation.
 *
 * <p>The only shortcut: the rules that may see events of a channel are listed once per channel, so an event is
 * not offered to the thousands of rules of other channels.
 */
public final class ReferenceEngine implements RuleEngine {
    private record BoundRule(SigmaRule rule, List<SourceBinding> bindings) {
        boolean maySee(String channel) {
            return bindings.stream().anyMatch(b -> b.evidence() == SourceBinding.Evidence.OTHER ? channel.isEmpty()
                    : !channel.isEmpty() && (b.channels().isEmpty()
                    || b.channels().stream().anyMatch(channel::equalsIgnoreCase)));
        }
    }

    private final List<BoundRule> rules = new ArrayList<>();
    private final Map<String, List<BoundRule>> byChannel = new ConcurrentHashMap<>();

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
        String channel = event.channel().toLowerCase(Locale.ROOT);
        List<BoundRule> candidates = byChannel.computeIfAbsent(channel,
                c -> rules.stream().filter(r -> r.maySee(c)).toList());
        for (BoundRule bound : candidates) {
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
