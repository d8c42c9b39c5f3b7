package org.sigmascope.rulelibrary.update;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.sigmascope.Corpus;

/** Rule archives made in tests, in the layout of SigmaHQ's release packages ({@code rules/windows/…}). */
public final class RuleArchives {
    private final Map<String, byte[]> entries = new LinkedHashMap<>();

    public static RuleArchives create() {
        return new RuleArchives();
    }

    /** Every rule file under a corpus folder of {@code sigma/rules}, e.g. {@code rules/windows/wmi_event}. */
    public RuleArchives corpusFolder(String relative) {
        Path base = Corpus.path("sigma/rules");
        try (Stream<Path> files = Files.walk(base.resolve(relative))) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                entries.put(base.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** One corpus rule file, under its own path. */
    public RuleArchives corpusFile(String relative) {
        try {
            entries.put(relative, Files.readAllBytes(Corpus.path("sigma/rules/" + relative)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    public static String corpusText(String relative) {
        try {
            return Files.readString(Corpus.path("sigma/rules/" + relative));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public RuleArchives entry(String name, String text) {
        entries.put(name, text.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    public RuleArchives entry(String name, byte[] bytes) {
        entries.put(name, bytes);
        return this;
    }

    public RuleArchives without(String name) {
        entries.remove(name);
        return this;
    }

    public List<String> names() {
        return List.copyOf(entries.keySet());
    }

    public byte[] bytes() {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(buffer)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buffer.toByteArray();
    }

    public Path write(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
