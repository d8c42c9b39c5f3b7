package org.sigmascope.rulelibrary.update;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.sigmascope.rulelibrary.LibraryManifest;

/**
 * What an update changed, by rule id: rules added, rules whose text changed (by the SHA-256 of the rule's YAML
 * document), rules removed. Each list is sorted by title, the way an analyst reads a changelog.
 */
public record LibraryChanges(List<LibraryManifest.Rule> added, List<Changed> changed,
                             List<LibraryManifest.Rule> removed, int unchanged) {

    /** A rule in both, with a different text (and perhaps a different file). */
    public record Changed(LibraryManifest.Rule before, LibraryManifest.Rule after) {
    }

    public LibraryChanges {
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }

    static LibraryChanges between(List<LibraryManifest.Rule> before, List<LibraryManifest.Rule> after) {
        Map<String, LibraryManifest.Rule> old = byId(before);
        Map<String, LibraryManifest.Rule> now = byId(after);
        List<LibraryManifest.Rule> added = new ArrayList<>();
        List<Changed> changed = new ArrayList<>();
        int unchanged = 0;
        for (LibraryManifest.Rule rule : now.values()) {
            LibraryManifest.Rule earlier = old.get(rule.id());
            if (earlier == null) {
                added.add(rule);
            } else if (!earlier.sha256().equals(rule.sha256())) {
                changed.add(new Changed(earlier, rule));
            } else {
                unchanged++;
            }
        }
        List<LibraryManifest.Rule> removed = old.values().stream().filter(rule -> !now.containsKey(rule.id()))
                .collect(Collectors.toCollection(ArrayList::new));
        Comparator<LibraryManifest.Rule> byTitle = Comparator.comparing(LibraryManifest.Rule::title)
                .thenComparing(LibraryManifest.Rule::id);
        added.sort(byTitle);
        removed.sort(byTitle);
        changed.sort(Comparator.comparing(Changed::after, byTitle));
        return new LibraryChanges(added, changed, removed, unchanged);
    }

    private static Map<String, LibraryManifest.Rule> byId(List<LibraryManifest.Rule> rules) {
        return rules.stream().collect(Collectors.toMap(LibraryManifest.Rule::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
