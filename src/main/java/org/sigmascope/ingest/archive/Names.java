package org.sigmascope.ingest.archive;

/** Member names as shown in diagnostics: control characters (which could forge terminal output) replaced. */
final class Names {
    private static final int MAX = 300;

    private Names() {
    }

    static String shown(String name) {
        StringBuilder out = new StringBuilder(Math.min(name.length(), MAX));
        for (int i = 0; i < name.length() && out.length() < MAX; i++) {
            char c = name.charAt(i);
            out.append(Character.isISOControl(c) ? '?' : c);
        }
        return out.toString();
    }
}
