package org.sigmascope.rulelibrary;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.sigmascope.codec.JsonCodec;

/**
 * What a rule library holds and where it came from, kept beside its rules as {@code library.json}: so an analyst
 * can say exactly which rules a scan used, and the next update can say what changed.
 *
 * @param name               the library's name ({@code sigmahq})
 * @param origin             the URL or file the archive came from
 * @param archiveSha256      the SHA-256 of the archive as fetched (kept beside, as {@code archive.zip})
 * @param archiveBytes       its size
 * @param installedAt        when it was installed, UTC, ISO-8601
 * @param sigmascopeVersion  the version that verified it (a later version may load rules set aside here)
 * @param rules              the rules that loaded, by id, with the hash of each rule's text
 * @param setAside           the rule files this version could not load, left out of the library
 */
public record LibraryManifest(String name, String origin, String archiveSha256, long archiveBytes, String installedAt,
                              String sigmascopeVersion, List<Rule> rules, List<SetAside> setAside) {
    public static final String FILE = "library.json";

    public LibraryManifest {
        rules = List.copyOf(rules);
        setAside = List.copyOf(setAside);
    }

    /**
     * A rule of the library.
     *
     * @param id     the rule's id
     * @param title  its title
     * @param path   its file, relative to the library (as in the archive)
     * @param sha256 the SHA-256 of the rule's YAML document
     */
    public record Rule(String id, String title, String path, String sha256) {
    }

    /**
     * A rule file left out because this version of Sigmascope could not load it.
     *
     * @param path   the file, relative to the library (as in the archive)
     * @param line   the line of the problem, or -1
     * @param reason why it could not be loaded
     */
    public record SetAside(String path, long line, String reason) {
    }

    public static LibraryManifest read(Path file) throws IOException {
        return JsonCodec.MAPPER.readValue(file.toFile(), LibraryManifest.class);
    }

    public void write(Path file) throws IOException {
        Files.write(file, JsonCodec.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(this));
    }
}
