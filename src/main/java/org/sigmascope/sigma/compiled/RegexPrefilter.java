package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The literal text a regular expression cannot match without: for each top-level alternative, its longest run of
 * plain characters outside groups, classes and optional parts. A value that contains none of these runs (folded,
 * so case-insensitive expressions are covered) cannot match, and the expression is not run on it at all.
 *
 * <p>The analysis is deliberately conservative: it gives up (no prefilter, the expression runs on every value)
 * on anything it does not fully understand, such as {@code \Q…\E}, comments mode or a class starting with
 * {@code ]}. A wrong prefilter would hide a match; a missing one only costs time.
 */
final class RegexPrefilter {
    /** Escapes of a single plain character. */
    private static final String CONTROL_ESCAPES = "tnrfae";
    private static final String CONTROL_CHARS = "\t\n\r\f\u0007\u001b";
    /** Escapes of a character class or a zero-width assertion: they end a run. */
    private static final String CLASS_ESCAPES = "dDwWsShHvVRXNbBAzZG";

    private final String regex;
    private int pos;

    private RegexPrefilter(String regex) {
        this.regex = regex;
    }

    /** The folded runs of which every match contains at least one, or {@code null} when none can be told. */
    static List<String> requiredLiterals(Pattern pattern) {
        if ((pattern.flags() & (Pattern.COMMENTS | Pattern.LITERAL | Pattern.CANON_EQ)) != 0
                || pattern.pattern().contains("\\Q")) {
            return null;
        }
        try {
            return new RegexPrefilter(pattern.pattern()).alternatives();
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Thrown where the analysis does not understand the expression. */
    private static final class GiveUp extends Exception {
        GiveUp() {
            super(null, null, false, false);
        }
    }

    private List<String> alternatives() throws GiveUp {
        List<String> required = new ArrayList<>();
        while (true) {
            List<String> branch = branch();
            if (branch == null) {
                return null;
            }
            required.addAll(branch);
            if (pos >= regex.length()) {
                return required;
            }
            pos++; // the top-level '|'
        }
    }

    /**
     * Reads one alternative up to '|' or the end; returns the rarest set of folded literals one of which it needs
     * (its longest run, or a group's alternatives), or {@code null} when it needs none.
     */
    private List<String> branch() throws GiveUp {
        StringBuilder run = new StringBuilder();
        List<String> best = null;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '|') {
                break;
            }
            int literal = -1;
            List<String> group = null;
            if (c == '\\') {
                literal = escape();
            } else if (c == '[') {
                skipClass();
            } else if (c == '(') {
                int start = pos;
                skipGroup();
                group = groupRequirement(start, pos);
            } else if (c == '.' || c == '^' || c == '$') {
                pos++;
            } else if (c == '*' || c == '+' || c == '?' || c == '{') {
                throw new GiveUp(); // a quantifier with nothing before it: not understood
            } else {
                pos++;
                literal = Character.isSurrogate(c) ? -1 : c;
            }
            int quantifier = quantifier();
            if (literal >= 0 && quantifier != Q_OPTIONAL) {
                run.append((char) literal);
            }
            if (literal < 0 || quantifier != Q_NONE) {
                best = rarer(best, run);
                run.setLength(0);
            }
            if (group != null && quantifier != Q_OPTIONAL) {
                best = rarer(best, group);
            }
        }
        return rarer(best, run);
    }

    /**
     * What a group from {@code start} to {@code end} (exclusive) needs: the alternatives of a capturing,
     * non-capturing, named or flagged group; nothing for lookaround, atomic groups and bare flags.
     */
    private List<String> groupRequirement(int start, int end) throws GiveUp {
        String group = regex.substring(start, end);
        String content;
        if (!group.startsWith("(?")) {
            content = group.substring(1, group.length() - 1);
        } else if (group.startsWith("(?:")) {
            content = group.substring(3, group.length() - 1);
        } else if (group.startsWith("(?<") && !group.startsWith("(?<=") && !group.startsWith("(?<!")) {
            content = group.substring(group.indexOf('>') + 1, group.length() - 1);
        } else if (group.matches("(?s)\\(\\?[a-zA-Z-]+:.*")) {
            content = group.substring(group.indexOf(':') + 1, group.length() - 1);
        } else {
            return null;
        }
        RegexPrefilter inner = new RegexPrefilter(content);
        List<String> required = inner.alternatives();
        return required == null || required.isEmpty() ? null : required;
    }

    private static List<String> rarer(List<String> best, StringBuilder run) {
        return run.length() == 0 ? best : rarer(best, List.of(fold(run.toString())));
    }

    /** The rarer of two requirements: the one whose shortest literal is longer. */
    private static List<String> rarer(List<String> best, List<String> candidate) {
        if (best == null) {
            return candidate;
        }
        return shortest(candidate) > shortest(best) ? candidate : best;
    }

    private static int shortest(List<String> literals) {
        return literals.stream().mapToInt(String::length).min().orElse(0);
    }

    private static final int Q_NONE = 0;
    private static final int Q_OPTIONAL = 1;
    private static final int Q_REPEATED = 2;

    /** Consumes a quantifier after an atom, telling whether the atom may be absent. */
    private int quantifier() throws GiveUp {
        if (pos >= regex.length()) {
            return Q_NONE;
        }
        char c = regex.charAt(pos);
        int kind;
        if (c == '*' || c == '?') {
            pos++;
            kind = Q_OPTIONAL;
        } else if (c == '+') {
            pos++;
            kind = Q_REPEATED;
        } else if (c == '{') {
            int close = regex.indexOf('}', pos);
            if (close < 0) {
                throw new GiveUp();
            }
            String body = regex.substring(pos + 1, close);
            if (!body.matches("\\d+(,\\d*)?")) {
                throw new GiveUp();
            }
            int min = Integer.parseInt(body.split(",", -1)[0]);
            pos = close + 1;
            kind = min == 0 ? Q_OPTIONAL : Q_REPEATED;
        } else {
            return Q_NONE;
        }
        if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
            pos++; // lazy or possessive
        }
        return kind;
    }

    /** Consumes an escape; returns the plain character it stands for, or -1 when it is no plain character. */
    private int escape() throws GiveUp {
        if (pos + 1 >= regex.length()) {
            throw new GiveUp();
        }
        char next = regex.charAt(pos + 1);
        pos += 2;
        if (!Character.isLetterOrDigit(next)) {
            return Character.isSurrogate(next) ? -1 : next;
        }
        int control = CONTROL_ESCAPES.indexOf(next);
        if (control >= 0) {
            return CONTROL_CHARS.charAt(control);
        }
        if (CLASS_ESCAPES.indexOf(next) >= 0) {
            return -1;
        }
        if (next == 'p' || next == 'P') {
            if (pos < regex.length() && regex.charAt(pos) == '{') {
                skipPast('}');
            } else {
                pos++;
            }
            return -1;
        }
        if (next == 'k') {
            skipPast('>');
            return -1;
        }
        if (next >= '1' && next <= '9') {
            while (pos < regex.length() && Character.isDigit(regex.charAt(pos))) {
                pos++;
            }
            return -1;
        }
        if (next == 'x' || next == 'u' || next == '0' || next == 'c') {
            // A character by its code: not worth decoding; it ends the run.
            skipCode(next);
            return -1;
        }
        throw new GiveUp();
    }

    private void skipCode(char kind) throws GiveUp {
        switch (kind) {
            case 'x' -> {
                if (pos < regex.length() && regex.charAt(pos) == '{') {
                    skipPast('}');
                } else {
                    pos += 2;
                }
            }
            case 'u' -> pos += 4;
            case 'c' -> pos += 1;
            default -> {
                int digits = 0;
                while (pos < regex.length() && digits < 3 && regex.charAt(pos) >= '0' && regex.charAt(pos) <= '7') {
                    pos++;
                    digits++;
                }
            }
        }
        if (pos > regex.length()) {
            throw new GiveUp();
        }
    }

    /** Moves past the next {@code close} character. */
    private void skipPast(char close) throws GiveUp {
        int end = regex.indexOf(close, pos);
        if (end < 0) {
            throw new GiveUp();
        }
        pos = end + 1;
    }

    /** Skips a character class, nested classes included. */
    private void skipClass() throws GiveUp {
        int depth = 0;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') {
                depth++;
                pos++;
                if (pos < regex.length() && regex.charAt(pos) == '^') {
                    pos++;
                }
                if (pos < regex.length() && regex.charAt(pos) == ']') {
                    throw new GiveUp(); // ']' first in a class: its meaning differs between dialects
                }
                continue;
            }
            pos++;
            if (c == ']' && --depth == 0) {
                return;
            }
        }
        throw new GiveUp();
    }

    /** Skips a group with everything in it; comments mode switched on inside is not understood. */
    private void skipGroup() throws GiveUp {
        int depth = 0;
        while (pos < regex.length()) {
            char c = regex.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == '[') {
                skipClass();
            } else if (c == '(') {
                if (regex.startsWith("(?", pos)) {
                    int end = pos + 2;
                    while (end < regex.length() && Character.isLetter(regex.charAt(end)) || end < regex.length()
                            && regex.charAt(end) == '-') {
                        end++;
                    }
                    if (regex.substring(pos + 2, end).indexOf('x') >= 0) {
                        throw new GiveUp();
                    }
                }
                depth++;
                pos++;
            } else {
                pos++;
                if (c == ')' && --depth == 0) {
                    return;
                }
            }
        }
        throw new GiveUp();
    }

    private static String fold(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Fold.fold(chars[i]);
        }
        return new String(chars);
    }
}
