package org.sigmascope.ui.rules;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import org.sigmascope.model.Level;
import org.sigmascope.model.RuleInfo;

/**
 * Which of the loaded rules the analyst runs: by level (at least {@code minLevel}), by status, by product and by
 * tag (those excluded are off), and rule by rule ({@code disabled}, and {@code enabled} to keep one rule on that
 * the other choices would turn off). Kept in the settings; a re-scan brings the case in line with it.
 *
 * @param minLevel         rules below this level are off
 * @param excludedStatuses statuses whose rules are off ({@code deprecated}, {@code experimental} …)
 * @param excludedProducts logsource products whose rules are off ({@code linux}, {@code aws} …)
 * @param excludedTags     tags whose rules are off ({@code attack.discovery}, {@code detection.threat-hunting} …)
 * @param disabled         rule ids turned off one by one
 * @param enabled          rule ids kept on whatever the other choices say
 */
public record RuleSelection(Level minLevel, Set<String> excludedStatuses, Set<String> excludedProducts,
                            Set<String> excludedTags, Set<String> disabled, Set<String> enabled) {
    public RuleSelection {
        minLevel = minLevel == null ? Level.INFORMATIONAL : minLevel;
        excludedStatuses = lower(excludedStatuses);
        excludedProducts = lower(excludedProducts);
        excludedTags = lower(excludedTags);
        disabled = disabled == null ? Set.of() : Set.copyOf(disabled);
        enabled = enabled == null ? Set.of() : Set.copyOf(enabled);
    }

    /** Every rule on, except those SigmaHQ marks deprecated or unsupported. */
    public static RuleSelection defaults() {
        return new RuleSelection(Level.INFORMATIONAL, Set.of("deprecated", "unsupported"), Set.of(), Set.of(),
                Set.of(), Set.of());
    }

    private static Set<String> lower(Set<String> values) {
        Set<String> lowered = new TreeSet<>();
        if (values != null) {
            values.forEach(v -> lowered.add(v.toLowerCase(Locale.ROOT)));
        }
        return Set.copyOf(lowered);
    }

    /** Whether the rule runs. */
    public boolean runs(RuleInfo rule) {
        if (enabled.contains(rule.id())) {
            return true;
        }
        if (disabled.contains(rule.id()) || !rule.level().atLeast(minLevel)
                || excludedStatuses.contains(rule.status().toLowerCase(Locale.ROOT))
                || excludedProducts.contains(rule.product().toLowerCase(Locale.ROOT))) {
            return false;
        }
        return rule.tags().stream().noneMatch(tag -> excludedTags.contains(tag.toLowerCase(Locale.ROOT)));
    }

    /** This selection with one rule turned on or off by hand. */
    public RuleSelection with(String ruleId, boolean on) {
        Set<String> off = new TreeSet<>(disabled);
        Set<String> kept = new TreeSet<>(enabled);
        if (on) {
            off.remove(ruleId);
            kept.add(ruleId);
        } else {
            kept.remove(ruleId);
            off.add(ruleId);
        }
        return new RuleSelection(minLevel, excludedStatuses, excludedProducts, excludedTags, off, kept);
    }

    public RuleSelection withMinLevel(Level level) {
        return new RuleSelection(level, excludedStatuses, excludedProducts, excludedTags, disabled, enabled);
    }

    /** Turns a status, product or tag on or off as a whole (and forgets the rule-by-rule choices it overrides). */
    public RuleSelection withExcluded(Facet facet, String value, boolean excluded) {
        Set<String> statuses = new TreeSet<>(excludedStatuses);
        Set<String> products = new TreeSet<>(excludedProducts);
        Set<String> tags = new TreeSet<>(excludedTags);
        Set<String> target = switch (facet) {
            case STATUS -> statuses;
            case PRODUCT -> products;
            case TAG -> tags;
        };
        String v = value.toLowerCase(Locale.ROOT);
        if (excluded) {
            target.add(v);
        } else {
            target.remove(v);
        }
        return new RuleSelection(minLevel, statuses, products, tags, disabled, enabled);
    }

    /** What a rule can be chosen by, besides its level. */
    public enum Facet { STATUS, PRODUCT, TAG }
}
