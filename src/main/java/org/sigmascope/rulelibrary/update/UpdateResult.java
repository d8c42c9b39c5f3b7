package org.sigmascope.rulelibrary.update;

import java.nio.file.Path;

import org.sigmascope.rulelibrary.LibraryManifest;

/**
 * An update that went through.
 *
 * @param folder        where the library now is
 * @param manifest      what it holds
 * @param changes       what changed since the library it replaced
 * @param firstInstall  whether there was no library of that name before
 */
public record UpdateResult(Path folder, LibraryManifest manifest, LibraryChanges changes, boolean firstInstall) {
}
