package org.sigmascope.ingest.winevent;

import java.util.Locale;
import java.util.Map;

/**
 * Windows event levels written as words (EvtxECmd, Event Viewer in several languages) back to their numbers.
 * "Information" is both level 4 and level 0 (LogAlways, which the Security log uses): it is read as 4, and
 * readers that meet it say so in the source's warnings.
 */
public final class Levels {
    private static final Map<String, Long> WORDS = Map.ofEntries(
            Map.entry("logalways", 0L), Map.entry("log always", 0L),
            Map.entry("critical", 1L), Map.entry("kritisch", 1L), Map.entry("critique", 1L), Map.entry("crítico", 1L),
            Map.entry("error", 2L), Map.entry("fehler", 2L), Map.entry("erreur", 2L),
            Map.entry("warning", 3L), Map.entry("warnung", 3L), Map.entry("avertissement", 3L),
            Map.entry("advertencia", 3L),
            Map.entry("information", 4L), Map.entry("informational", 4L), Map.entry("info", 4L),
            Map.entry("informationen", 4L), Map.entry("información", 4L),
            Map.entry("verbose", 5L), Map.entry("ausführlich", 5L), Map.entry("détaillé", 5L),
            Map.entry("detallado", 5L));

    private Levels() {
    }

    /** The level number of a word or a number, or {@code null}. */
    public static Long parse(String text) {
        if (text == null) {
            return null;
        }
        Long number = Numbers.parseLong(text);
        return number != null ? number : WORDS.get(text.strip().toLowerCase(Locale.ROOT));
    }

    /** Whether the word is the one that stands for both level 0 and level 4. */
    public static boolean isAmbiguous(String text) {
        Long level = parse(text);
        return level != null && level == 4L && Numbers.parseLong(text) == null;
    }
}
