package org.sigmascope.ui.detail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.sigmascope.model.RuleInfo;
import org.sigmascope.sigma.BuiltinRules;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.ui.rules.AppRules;

/**
 * The YAML of the rule behind a detection: from the rules loaded now when the rule is among them, else from its
 * file (the case keeps each rule's path), if it is still there.
 */
final class RuleText {
    private RuleText() {
    }

    static String yamlOf(AppRules rules, RuleInfo info) {
        if (rules != null) {
            Optional<SigmaRule> loaded = rules.all().find(info.id());
            if (loaded.isPresent() && loaded.get().yaml() != null) {
                return loaded.get().yaml();
            }
        }
        String path = info.path();
        if (path == null || path.isEmpty()) {
            return "";
        }
        try {
            Path file = path.startsWith(BuiltinRules.PREFIX)
                    ? BuiltinRules.root().resolve(path.substring(BuiltinRules.PREFIX.length()))
                    : Path.of(path);
            if (Files.isRegularFile(file) && Files.size(file) <= RuleLoader.MAX_FILE_BYTES) {
                return Files.readString(file, StandardCharsets.UTF_8);
            }
        } catch (IOException | RuntimeException e) {
            return "";
        }
        return "";
    }
}
