package org.sigmascope.sigma.detection;

/**
 * Translates the Python regular expressions of Sigma rules (pySigma uses Python's {@code re}) into Java's dialect
 * where the two differ in syntax: named groups {@code (?P<n>…)} and references {@code (?P=n)}; {@code \Z} (end of
 * text in Python, before a final line break in Java); {@code {,m}} (Java needs {@code {0,m}}); a {@code {} that
 * does not start a repetition, and a {@code [} inside a character class (literals in Python, errors or nested
 * classes in Java).
 */
final class PythonRegex {
    private PythonRegex() {
    }

    static String toJava(String python) {
        StringBuilder out = new StringBuilder(python.length() + 8);
        int classContentStart = -1; // index in python where the current character class' content starts, or -1
        for (int i = 0; i < python.length(); i++) {
            char c = python.charAt(i);
            if (c == '\\' && i + 1 < python.length()) {
                char next = python.charAt(i + 1);
                out.append(c).append(classContentStart < 0 && next == 'Z' ? 'z' : next);
                i++;
            } else if (classContentStart >= 0) {
                if (c == ']' && i > classContentStart) {
                    classContentStart = -1;
                    out.append(c);
                } else if (c == '[') {
                    out.append("\\[");
                } else if (c == '&' && i + 1 < python.length() && python.charAt(i + 1) == '&') {
                    out.append("\\&"); // Java's class intersection; a literal in Python
                } else {
                    out.append(c);
                }
            } else if (c == '[') {
                out.append(c);
                classContentStart = i + 1;
                if (i + 1 < python.length() && python.charAt(i + 1) == '^') {
                    out.append('^');
                    i++;
                    classContentStart = i + 1;
                }
            } else if (python.startsWith("(?P<", i)) {
                out.append("(?<");
                i += 3;
            } else if (python.startsWith("(?P=", i) && python.indexOf(')', i) > 0) {
                int close = python.indexOf(')', i);
                out.append("\\k<").append(python, i + 4, close).append('>');
                i = close;
            } else if (c == '{') {
                int repetition = repetitionEnd(python, i);
                if (repetition < 0) {
                    out.append("\\{");
                } else {
                    String body = python.substring(i + 1, repetition);
                    out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
                    i = repetition;
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * The index of the closing brace when the text at {@code i} is a repetition {@code {n}}, {@code {n,}},
     * {@code {n,m}} or {@code {,m}}; else -1.
     */
    private static int repetitionEnd(String text, int i) {
        int j = i + 1;
        int digits = 0;
        while (j < text.length() && Character.isDigit(text.charAt(j))) {
            j++;
            digits++;
        }
        if (j < text.length() && text.charAt(j) == ',') {
            j++;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
                digits++;
            }
        }
        return digits > 0 && j < text.length() && text.charAt(j) == '}' ? j : -1;
    }
}
