package org.sigmascope.rulelibrary.update;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

import org.sigmascope.Version;
import org.sigmascope.rulelibrary.LibraryManifest;
import org.sigmascope.rulelibrary.RuleLibrary;
import org.sigmascope.task.Progress;

/**
 * Updates a library of the analyst's rule library from a Sigma rule archive: fetch (or read) the archive, extract
 * it safely, verify every rule, then swap the new library in whole. Any failure leaves the old library as it was,
 * in use. The archive itself is kept in the library as {@code archive.zip}, with {@code library.json} saying where
 * it came from, its SHA-256, and the hash of every rule.
 */
public final class RuleUpdater {
    static final String ARCHIVE = "archive.zip";
    static final String SET_ASIDE = "set-aside.txt";

    private static final Logger LOG = Logger.getLogger(RuleUpdater.class.getName());
    private final RuleLibrary library;
    private final UpdateLimits limits;

    public RuleUpdater(RuleLibrary library, UpdateLimits limits) {
        this.library = library;
        this.limits = limits;
    }

    public UpdateResult update(UpdateRequest request, Progress progress) throws UpdateException {
        try {
            UpdateResult result = attempt(request, progress);
            LibraryManifest manifest = result.manifest();
            LOG.info(() -> String.format("rule library %s updated from %s (SHA-256 %s): %d rules, %d added, "
                    + "%d changed, %d removed, %d set aside", manifest.name(), manifest.origin(),
                    manifest.archiveSha256(), manifest.rules().size(), result.changes().added().size(),
                    result.changes().changed().size(), result.changes().removed().size(),
                    manifest.setAside().size()));
            return result;
        } catch (UpdateException e) {
            // A refusal is an expected outcome, said in full by its message; the trace only helps a developer.
            LOG.warning(() -> "rule library update refused: " + e.getMessage());
            LOG.log(Level.FINE, "rule library update refused", e);
            throw e;
        }
    }

    private UpdateResult attempt(UpdateRequest request, Progress progress) throws UpdateException {
        if (!RuleLibrary.NAME.matcher(request.library()).matches()) {
            throw new UpdateException("'" + request.library() + "' is not a library name: use lower-case letters, "
                    + "digits, '.', '_' and '-'");
        }
        ArchiveOrigin origin = request.origin() == null ? ArchiveOrigin.sigmaHq(request.sigmaHqPackage())
                : ArchiveOrigin.parse(request.origin());
        Optional<LibraryManifest> before = previousManifest(request.library());
        try (LibraryInstaller installer = LibraryInstaller.open(library.root())) {
            Path staging;
            try {
                staging = installer.staging(request.library());
            } catch (IOException e) {
                throw new UpdateException("cannot write to the rule library at " + library.root() + ": "
                        + e.getMessage(), e);
            }
            try {
                LibraryManifest manifest = stage(origin, request, staging, progress);
                if (request.strict() && !manifest.setAside().isEmpty()) {
                    LibraryManifest.SetAside first = manifest.setAside().get(0);
                    throw new UpdateException(origin + ": " + manifest.setAside().size()
                            + " rule files cannot be loaded by this version (--strict), the first: " + first.path()
                            + (first.line() >= 0 ? ":" + first.line() : "") + ": " + first.reason());
                }
                installer.install(staging, request.library());
                LibraryChanges changes = LibraryChanges.between(
                        before.map(LibraryManifest::rules).orElse(List.of()), manifest.rules());
                return new UpdateResult(library.root().resolve(request.library()), manifest, changes,
                        before.isEmpty());
            } finally {
                try {
                    LibraryInstaller.deleteTree(staging);
                } catch (IOException e) {
                    // a leftover staging folder is cleared by the next update
                }
            }
        }
    }

    private Optional<LibraryManifest> previousManifest(String name) throws UpdateException {
        try {
            return library.find(name).flatMap(RuleLibrary.Installed::manifest);
        } catch (IOException e) {
            throw new UpdateException("cannot read the rule library at " + library.root() + ": " + e.getMessage(), e);
        }
    }

    private LibraryManifest stage(ArchiveOrigin origin, UpdateRequest request, Path staging, Progress progress)
            throws UpdateException {
        Path archive = staging.resolve(ARCHIVE);
        long bytes = fetch(origin, archive, progress);
        String sha256 = sha256(archive);
        if (request.expectedSha256() != null && !request.expectedSha256().equalsIgnoreCase(sha256)) {
            throw new UpdateException(origin + ": the archive's SHA-256 is " + sha256 + ", not the "
                    + request.expectedSha256().toLowerCase(Locale.ROOT) + " expected; refused");
        }
        progress.update(0, -1, "verifying");
        List<String> files = new SafeUnzip(limits).extract(archive, origin.toString(), staging);
        RuleVerifier.Verified verified = new RuleVerifier().verify(staging, files, origin.toString());
        LibraryManifest manifest = new LibraryManifest(request.library(), origin.toString(), sha256, bytes,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Version.version(), verified.rules(),
                verified.setAside());
        try {
            manifest.write(staging.resolve(LibraryManifest.FILE));
            writeSetAside(staging.resolve(SET_ASIDE), manifest);
        } catch (IOException e) {
            throw new UpdateException("cannot write the library's manifest: " + e.getMessage(), e);
        }
        return manifest;
    }

    private long fetch(ArchiveOrigin origin, Path archive, Progress progress) throws UpdateException {
        if (origin instanceof ArchiveOrigin.Remote remote) {
            return new ArchiveDownload(limits).fetch(remote, archive, progress);
        }
        Path file = ((ArchiveOrigin.LocalFile) origin).path();
        try {
            if (!Files.isRegularFile(file)) {
                throw new UpdateException(file + ": no such archive file");
            }
            if (Files.size(file) > limits.maxArchiveBytes()) {
                throw new UpdateException(file + ": the archive is larger than the " + limits.maxArchiveBytes()
                        + " bytes a rule archive may have");
            }
            Files.copy(file, archive, StandardCopyOption.REPLACE_EXISTING);
            return Files.size(archive);
        } catch (IOException e) {
            throw new UpdateException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) throws UpdateException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) >= 0) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new UpdateException(file + ": cannot hash: " + e.getMessage(), e);
        }
    }

    private static void writeSetAside(Path file, LibraryManifest manifest) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("# Rule files of " + manifest.origin() + " that Sigmascope " + manifest.sigmascopeVersion()
                    + " cannot load, left out of the library (they stay in archive.zip).\n");
            for (LibraryManifest.SetAside entry : manifest.setAside()) {
                out.write(entry.path() + (entry.line() >= 0 ? ":" + entry.line() : "") + ": " + entry.reason() + "\n");
            }
        }
    }
}
