package org.sigmascope.model;

/**
 * A problem found in evidence or rules, with where it is.
 *
 * @param severity whether data was lost ({@link Severity#ERROR}) or only doubtful ({@link Severity#WARNING})
 * @param file     the file, as the analyst knows it
 * @param offset   byte offset in the file, or -1
 * @param line     1-based line in the file, or -1
 * @param message  what is wrong, in plain words
 */
public record Diagnostic(Severity severity, String file, long offset, long line, String message) {

    public enum Severity { WARNING, ERROR }

    public static Diagnostic errorAtLine(String file, long line, String message) {
        return new Diagnostic(Severity.ERROR, file, -1, line, message);
    }

    public static Diagnostic errorAtOffset(String file, long offset, String message) {
        return new Diagnostic(Severity.ERROR, file, offset, -1, message);
    }

    public static Diagnostic warningAtOffset(String file, long offset, String message) {
        return new Diagnostic(Severity.WARNING, file, offset, -1, message);
    }

    public static Diagnostic warningAtLine(String file, long line, String message) {
        return new Diagnostic(Severity.WARNING, file, -1, line, message);
    }

    /** {@code file:line: message} or {@code file@0x1a2b: message}, the forms editors and grep understand. */
    public String location() {
        if (line >= 0) {
            return file + ":" + line;
        }
        if (offset >= 0) {
            return file + "@0x" + Long.toHexString(offset);
        }
        return file;
    }

    @Override
    public String toString() {
        return location() + ": " + (severity == Severity.WARNING ? "warning: " : "") + message;
    }
}
