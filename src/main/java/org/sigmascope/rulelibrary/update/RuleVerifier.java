package org.sigmascope.rulelibrary.update;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import org.sigmascope.model.Diagnostic;
import org.sigmascope.rulelibrary.LibraryManifest;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.load.YamlDocument;

/**
 * Checks the rule files of an extracted archive, in two steps.
 *
 * <ol>
 *   <li>Every rule file must be UTF-8 text that parses as YAML, each document a mapping. One that does not means a
 *       damaged or wrong archive, and the update is refused.</li>
 *   <li>Every rule is then loaded with {@link RuleLoader}, as a scan would. A file that does not load (a modifier or
 *       a feature this version of Sigmascope lacks, a duplicate id) is set aside: removed from the library and
 *       listed with its reason, so that scans load the library without failures. Removing a file can break another
 *       (a correlation naming a rule set aside), so loading repeats until nothing more fails.</li>
 * </ol>
 */
final class RuleVerifier {
    private static final int MAX_PASSES = 8;

    /** The rules that loaded and the files set aside. */
    record Verified(List<LibraryManifest.Rule> rules, List<LibraryManifest.SetAside> setAside) {
    }

    Verified verify(Path folder, List<String> files, String shownName) throws UpdateException {
        List<String> ruleFiles = files.stream().filter(RuleVerifier::isYaml).toList();
        if (ruleFiles.isEmpty()) {
            throw new UpdateException(shownName + ": the archive holds no rule files (.yml); is it a Sigma rule archive?");
        }
        for (String file : ruleFiles) {
            checkParses(folder, file, shownName);
        }
        // Shown paths relative to the folder (an empty display prefix), as they are in the archive.
        String prefix = "";
        List<LibraryManifest.SetAside> setAside = new ArrayList<>();
        for (int pass = 0; pass < MAX_PASSES; pass++) {
            RuleSet loaded = RuleLoader.load(List.of(new RuleLoader.RuleSource(folder, prefix)));
            Map<String, Diagnostic> failedFiles = new LinkedHashMap<>();
            for (Diagnostic failure : loaded.failures()) {
                if (failure.file().equals(folder.toString())) {
                    throw new UpdateException(shownName + ": " + failure.message());
                }
                failedFiles.putIfAbsent(failure.file(), failure);
            }
            if (failedFiles.isEmpty()) {
                if (loaded.rules().isEmpty()) {
                    throw new UpdateException(shownName + ": none of the archive's " + ruleFiles.size()
                            + " rule files could be loaded" + (setAside.isEmpty() ? "" : "; the first: "
                            + describe(setAside.get(0))));
                }
                return new Verified(entries(loaded), setAside);
            }
            for (Map.Entry<String, Diagnostic> failed : failedFiles.entrySet()) {
                try {
                    Files.delete(folder.resolve(failed.getKey()));
                } catch (IOException e) {
                    throw new UpdateException(shownName + ": cannot set aside " + failed.getKey() + ": "
                            + e.getMessage(), e);
                }
                setAside.add(new LibraryManifest.SetAside(failed.getKey(), failed.getValue().line(),
                        failed.getValue().message()));
            }
        }
        throw new UpdateException(shownName + ": the rules still fail to load after setting aside "
                + setAside.size() + " files");
    }

    private static String describe(LibraryManifest.SetAside file) {
        return file.path() + (file.line() >= 0 ? ":" + file.line() : "") + ": " + file.reason();
    }

    private static boolean isYaml(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".yml") || lower.endsWith(".yaml");
    }

    private static void checkParses(Path folder, String file, String shownName) throws UpdateException {
        String where = shownName + ": " + file;
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(Files.readAllBytes(folder.resolve(file))))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UpdateException(where + ": not UTF-8 text; the archive is damaged or not a rule archive");
        } catch (IOException e) {
            throw new UpdateException(where + ": cannot read: " + e.getMessage(), e);
        }
        List<YamlDocument> documents;
        try {
            documents = YamlDocument.parseAll(text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw new UpdateException(where + ":" + line + ": invalid YAML (" + e.getProblem()
                    + "); the archive is damaged or not a rule archive");
        } catch (YAMLException e) {
            throw new UpdateException(where + ": invalid YAML (" + e.getMessage() + ")");
        }
        for (YamlDocument document : documents) {
            if (document.root() != null && !(document.root() instanceof Map)) {
                throw new UpdateException(where + ":" + document.line()
                        + ": not a Sigma rule (a YAML mapping was expected)");
            }
        }
    }

    private static List<LibraryManifest.Rule> entries(RuleSet loaded) throws UpdateException {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new UpdateException("SHA-256 is missing from this Java runtime", e);
        }
        List<LibraryManifest.Rule> rules = new ArrayList<>();
        for (SigmaRule rule : loaded.rules()) {
            String hash = HexFormat.of().formatHex(sha256.digest(rule.yaml().getBytes(StandardCharsets.UTF_8)));
            rules.add(new LibraryManifest.Rule(rule.id(), rule.title(), rule.info().path(),
                    hash));
        }
        return rules;
    }
}
