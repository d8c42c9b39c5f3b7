package org.sigmascope.sigma.modifier;

import java.util.EnumSet;
import java.util.Set;

import org.sigmascope.sigma.detection.SigmaValue;

/**
 * {@code i} ({@code ignorecase}), {@code m} ({@code multiline}), {@code s} ({@code dotall}): flags of the
 * regular expression made by a {@code re} before them.
 */
final class RegexFlag implements Modifier {
    private final String name;
    private final SigmaValue.RegexFlag flag;

    RegexFlag(String name, SigmaValue.RegexFlag flag) {
        this.name = name;
        this.flag = flag;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        if (!(value instanceof SigmaValue.Regex regex)) {
            throw new ModifierException("the modifier '" + name + "' is a regular expression flag and needs 're' "
                    + "before it");
        }
        Set<SigmaValue.RegexFlag> flags = EnumSet.of(flag);
        flags.addAll(regex.flags());
        return new SigmaValue.Regex(regex.pattern(), flags);
    }
}
