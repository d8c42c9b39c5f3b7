package org.sigmascope.rulelibrary.update;

/**
 * An update that could not be made, in words for the analyst: what, and where (the URL, the archive entry, the
 * rule file and line). The library was left as it was.
 */
public final class UpdateException extends Exception {
    public UpdateException(String message) {
        super(message);
    }

    public UpdateException(String message, Throwable cause) {
        super(message, cause);
    }
}
