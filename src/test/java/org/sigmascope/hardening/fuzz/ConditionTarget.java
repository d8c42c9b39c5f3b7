package org.sigmascope.hardening.fuzz;

import java.nio.charset.StandardCharsets;

import org.sigmascope.sigma.condition.ConditionException;
import org.sigmascope.sigma.condition.ConditionParser;

/** Fuzz target (Jazzer's {@code fuzzerTestOneInput}): the Sigma condition parser; a syntax error is reported. */
public final class ConditionTarget {
    private ConditionTarget() {
    }

    public static void fuzzerTestOneInput(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        try {
            ConditionParser.parse(text).toString();
        } catch (ConditionException reported) {
            if (reported.position() < 0 || reported.position() > text.length()) {
                throw new IllegalStateException("a condition error points outside the text: " + reported.position());
            }
        }
    }
}
