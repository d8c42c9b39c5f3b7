package org.sigmascope.sigma.correlation;

import java.util.List;

/**
 * A group's values, in the order of {@code group-by}. Hashed with a multiplier that spreads similar short values
 * ({@code WS01}, {@code user7}) better than a list's own hash, whose collisions made grouping a million matches slow.
 */
record GroupKey(List<String> values) {
    GroupKey {
        values = List.copyOf(values);
    }

    @Override
    public int hashCode() {
        int hash = 0;
        for (String value : values) {
            hash = hash * 0x9E3779B1 + value.hashCode();
        }
        return hash ^ (hash >>> 15);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GroupKey key && key.values.equals(values);
    }
}
