package org.sigmascope.sigma.modifier;

import org.sigmascope.sigma.detection.CidrNetwork;
import org.sigmascope.sigma.detection.SigmaValue;

/** {@code cidr}: the value is an IPv4 or IPv6 network ({@code 10.0.0.0/8}, {@code fe80::/10}). It must come first. */
final class Cidr implements Modifier {
    @Override
    public String name() {
        return "cidr";
    }

    @Override
    public SigmaValue apply(SigmaValue value, ModifierChain.Context context) throws ModifierException {
        context.requireFirst(name());
        String text = Strings.requirePlain(value, name(), context);
        try {
            return new SigmaValue.Cidr(CidrNetwork.parse(text));
        } catch (IllegalArgumentException e) {
            throw new ModifierException(e.getMessage());
        }
    }
}
