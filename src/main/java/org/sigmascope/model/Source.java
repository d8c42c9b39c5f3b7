package org.sigmascope.model;

import java.nio.file.Path;

/**
 * A piece of evidence: one file (or one member of an archive).
 *
 * @param id          its number within the case or scan
 * @param path        the file as found
 * @param displayName the path as the analyst gave it, or as found under a folder they gave
 * @param format      the format that was detected ({@code evtx}, {@code evtx-json} …)
 */
public record Source(int id, Path path, String displayName, String format) {
}
