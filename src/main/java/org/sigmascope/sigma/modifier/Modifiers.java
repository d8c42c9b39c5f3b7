package org.sigmascope.sigma.modifier;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.sigmascope.sigma.detection.SigmaString;
import org.sigmascope.sigma.detection.SigmaValue;

/** The registry of modifiers by name, and the small modifiers themselves. */
public final class Modifiers {
    private static final Map<String, Modifier> REGISTRY = new LinkedHashMap<>();

    static {
        register(new Contains());
        register(new StartsWith());
        register(new EndsWith());
        register(new All());
        register(new Cased());
    }

    private Modifiers() {
    }

    private static void register(Modifier modifier) {
        REGISTRY.put(modifier.name(), modifier);
    }

    public static Optional<Modifier> byName(String name) {
        return Optional.ofNullable(REGISTRY.get(name));
    }

    /** {@code contains}: the value may stand anywhere in the field. */
    static final class Contains implements Modifier {
        @Override
        public String name() {
            return "contains";
        }

        @Override
        public List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) throws ModifierException {
            return context.mapStrings(values, name(), s -> s.withLeadingAnyRun().withTrailingAnyRun());
        }
    }

    /** {@code startswith}: the field begins with the value. */
    static final class StartsWith implements Modifier {
        @Override
        public String name() {
            return "startswith";
        }

        @Override
        public List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) throws ModifierException {
            return context.mapStrings(values, name(), SigmaString::withTrailingAnyRun);
        }
    }

    /** {@code endswith}: the field ends with the value. */
    static final class EndsWith implements Modifier {
        @Override
        public String name() {
            return "endswith";
        }

        @Override
        public List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) throws ModifierException {
            return context.mapStrings(values, name(), SigmaString::withLeadingAnyRun);
        }
    }

    /** {@code all}: every value of the list must match, instead of any. */
    static final class All implements Modifier {
        @Override
        public String name() {
            return "all";
        }

        @Override
        public List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) {
            context.all = true;
            return values;
        }
    }

    /** {@code cased}: compare case-sensitively. */
    static final class Cased implements Modifier {
        @Override
        public String name() {
            return "cased";
        }

        @Override
        public List<SigmaValue> apply(List<SigmaValue> values, ModifierChain.Context context) {
            context.cased = true;
            return values;
        }
    }
}
