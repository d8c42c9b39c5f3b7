package org.sigmascope.rulelibrary.update;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Locale;

/** Where a rule archive comes from: a web address, or a file the analyst already has (an offline machine). */
public sealed interface ArchiveOrigin {
    /** SigmaHQ's release packages: {@code core}, {@code core+}, {@code core++}, {@code emerging-threats}, {@code all}. */
    String SIGMAHQ_RELEASES = "https://github.com/SigmaHQ/sigma/releases/latest/download/";

    /** An archive fetched over HTTP(S). */
    record Remote(URI uri) implements ArchiveOrigin {
        @Override
        public String toString() {
            return uri.toString();
        }
    }

    /** An archive file on this machine. */
    record LocalFile(Path path) implements ArchiveOrigin {
        @Override
        public String toString() {
            return path.toString();
        }
    }

    /** {@code http://} or {@code https://} is a web address; anything else is a file path. */
    static ArchiveOrigin parse(String text) throws UpdateException {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://")) {
            try {
                URI uri = new URI(text);
                if (uri.getHost() == null) {
                    throw new UpdateException(text + ": the address has no host");
                }
                return new Remote(uri);
            } catch (URISyntaxException e) {
                throw new UpdateException(text + ": not a valid address: " + e.getReason());
            }
        }
        return new LocalFile(Path.of(text));
    }

    /** The latest release of one of SigmaHQ's rule packages. */
    static Remote sigmaHq(String packageName) throws UpdateException {
        String asset = switch (packageName) {
            case "core" -> "sigma_core.zip";
            case "core+" -> "sigma_core%2B.zip";
            case "core++" -> "sigma_core%2B%2B.zip";
            case "emerging-threats" -> "sigma_emerging_threats_addon.zip";
            case "all" -> "sigma_all_rules.zip";
            default -> throw new UpdateException("unknown SigmaHQ package '" + packageName
                    + "': core, core+, core++, emerging-threats or all");
        };
        return new Remote(URI.create(SIGMAHQ_RELEASES + asset));
    }
}
