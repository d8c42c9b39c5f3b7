package org.sigmascope.sigma.detection;

import org.sigmascope.model.Fields;

/** {@code field|cidr: 10.0.0.0/8}: the value is an IPv4 or IPv6 address inside the network. */
public record CidrMatcher(CidrNetwork network) implements ValueMatcher {
    @Override
    public Hit match(boolean present, Object value, EventView event) {
        return value != null && network.contains(Fields.textOf(value)) ? Hit.WHOLE : null;
    }

    @Override
    public String ruleValue() {
        return network.text();
    }
}
