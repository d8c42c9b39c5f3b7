package org.sigmascope.ui.main;

import org.sigmascope.rulelibrary.LibraryManifest;
import org.sigmascope.rulelibrary.update.LibraryChanges;
import org.sigmascope.rulelibrary.update.UpdateResult;

/** The status-bar sentence for a rule update; the full list of changes is what {@code rules update} prints. */
final class RuleUpdateSummary {
    private RuleUpdateSummary() {
    }

    static String of(UpdateResult result) {
        LibraryManifest manifest = result.manifest();
        LibraryChanges changes = result.changes();
        String counts = result.firstInstall() ? String.format("%,d rules installed", manifest.rules().size())
                : String.format("%,d rules (%,d added, %,d changed, %,d removed)", manifest.rules().size(),
                        changes.added().size(), changes.changed().size(), changes.removed().size());
        String setAside = manifest.setAside().isEmpty() ? "" : String.format(
                "; %,d set aside that this version cannot load (listed in %s)", manifest.setAside().size(),
                result.folder().resolve("set-aside.txt"));
        return "Rule library '" + manifest.name() + "' updated: " + counts + setAside + ". New imports use it.";
    }
}
