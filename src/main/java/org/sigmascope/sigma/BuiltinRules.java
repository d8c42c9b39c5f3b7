package org.sigmascope.sigma;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

import org.sigmascope.sigma.load.RuleLoader;

/**
 * The rules that ship with Sigmascope, inside the application (the repository's {@code rules/} folder). Their
 * paths are shown as {@code builtin:windows/…yml}.
 */
public final class BuiltinRules {
    public static final String PREFIX = "builtin:";

    private BuiltinRules() {
    }

    /** The built-in rules as a rule source; the logsource mappings beside them are not rules and are skipped. */
    public static RuleLoader.RuleSource source() {
        return new RuleLoader.RuleSource(root().resolve("windows"), PREFIX + "windows/");
    }

    /** The {@code rules} folder inside the application: a directory when run from classes, a zip path in a jar. */
    public static Path root() {
        URL url = BuiltinRules.class.getResource("/rules/mappings/logsources.yml");
        if (url == null) {
            throw new IllegalStateException("the built-in rules are missing from the application");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/rules");
            }
            return Path.of(uri).getParent().getParent();
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("the built-in rules cannot be opened: " + e.getMessage(), e);
        }
    }
}
