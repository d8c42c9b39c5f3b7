package org.sigmascope.ingest.json;

import java.util.List;

/** Structural comparison of parsed JSON values, types included (a {@link Long} 5 is not a BigInteger 5). */
final class JsonTrees {
    private JsonTrees() {
    }

    /** Null when the two are the same, else where they first differ. */
    static String difference(Object a, Object b, String at) {
        if (a == null || b == null) {
            return a == b ? null : at + ": " + a + " vs " + b;
        }
        if (a.getClass() != b.getClass()) {
            return at + ": " + a.getClass().getSimpleName() + " " + a + " vs " + b.getClass().getSimpleName() + " " + b;
        }
        if (a instanceof JsonObject x) {
            JsonObject y = (JsonObject) b;
            if (x.size() != y.size()) {
                return at + ": " + x.size() + " keys vs " + y.size();
            }
            for (int i = 0; i < x.size(); i++) {
                if (!x.key(i).equals(y.key(i))) {
                    return at + ": key " + i + " " + x.key(i) + " vs " + y.key(i);
                }
                String d = difference(x.value(i), y.value(i), at + "." + x.key(i));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        if (a instanceof List<?> x) {
            List<?> y = (List<?>) b;
            if (x.size() != y.size()) {
                return at + ": " + x.size() + " items vs " + y.size();
            }
            for (int i = 0; i < x.size(); i++) {
                String d = difference(x.get(i), y.get(i), at + "[" + i + "]");
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return a.equals(b) ? null : at + ": " + a + " vs " + b;
    }
}
