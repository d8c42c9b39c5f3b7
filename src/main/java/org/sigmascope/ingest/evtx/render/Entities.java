package org.sigmascope.ingest.evtx.render;

/** The XML entities BinXML entity references name (MS-EVEN6 2.2.12: the five predefined ones). */
final class Entities {
    private Entities() {
    }

    /** The text an entity reference stands for; an unknown entity keeps its {@code &name;} form. */
    static String text(String name) {
        return switch (name) {
            case "amp" -> "&";
            case "lt" -> "<";
            case "gt" -> ">";
            case "quot" -> "\"";
            case "apos" -> "'";
            default -> "&" + name + ";";
        };
    }
}
