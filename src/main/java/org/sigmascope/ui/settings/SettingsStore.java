package org.sigmascope.ui.settings;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.logging.Level;
import java.util.logging.Logger;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.sigmascope.workspace.Workspace;

/**
 * Reads and writes {@code settings.json} in the Sigmascope folder. A file that cannot be read gives the defaults
 * (and a line in the log), never a failure to start; writes go through a temporary file and a move, so a crash
 * never leaves half a file.
 */
public final class SettingsStore {
    private static final Logger LOG = Logger.getLogger(SettingsStore.class.getName());
    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path file;

    public SettingsStore(Path file) {
        this.file = file;
    }

    public static SettingsStore of(Workspace workspace) {
        return new SettingsStore(workspace.home().resolve("settings.json"));
    }

    public Path file() {
        return file;
    }

    public AppSettings load() {
        if (!Files.isRegularFile(file)) {
            return AppSettings.defaults();
        }
        try {
            AppSettings settings = JSON.readValue(file.toFile(), AppSettings.class);
            return settings == null ? AppSettings.defaults() : settings;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "settings " + file + " cannot be read; using the defaults", e);
            return AppSettings.defaults();
        }
    }

    public void save(AppSettings settings) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        JSON.writeValue(temporary.toFile(), settings);
        try {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
