package org.sigmascope.ingest.archive;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.FormatDetector;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Diagnostic;
import org.sigmascope.model.Source;
import org.sigmascope.model.SourceStats;

/**
 * Reads evidence inside a gzip, zip or tar container (and containers inside those, to a depth limit). Each member
 * is expanded into a private temporary file (see {@link Spool}), its format detected by content, and read by the
 * matching reader as part of the archive's source: events keep the archive's source, diagnostics name the member
 * ({@code logs.zip!Security.json:12}). Members that are not evidence are noted and skipped. Expansion is bounded
 * ({@link ExpansionLimit}); a truncated or damaged container gives what could be read and a warning.
 */
public final class ArchiveEvidenceReader implements EvidenceReader {
    private final ArchiveKind kind;
    private final int depth;
    private final java.util.function.LongFunction<ExpansionLimit> limits;

    public ArchiveEvidenceReader(ArchiveKind kind) {
        this(kind, 0, ExpansionLimit::forArchiveOf);
    }

    ArchiveEvidenceReader(ArchiveKind kind, int depth, java.util.function.LongFunction<ExpansionLimit> limits) {
        this.kind = kind;
        this.depth = depth;
        this.limits = limits;
    }

    @Override
    public String format() {
        return kind.format();
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) throws IOException {
        Path path = request.source().path();
        ExpansionLimit limit = limits.apply(Files.size(path));
        StatsMerger merged = new StatsMerger();
        try (Spool spool = new Spool(limit.totalBytes())) {
            Members members = new Members(request, sink, spool, limit, merged);
            switch (kind) {
                case GZIP -> members.gzip(path);
                case ZIP -> members.zip(path);
                case TAR -> {
                    try (InputStream in = new BufferedInputStream(Files.newInputStream(path), 1 << 16)) {
                        members.tar(in, "");
                    }
                }
                default -> throw new IllegalStateException(kind.toString());
            }
        }
        return merged.snapshot();
    }

    /** Walks the members of one container and reads each. */
    private final class Members {
        private final ReadRequest request;
        private final EventSink sink;
        private final Spool spool;
        private final ExpansionLimit limit;
        private final StatsMerger merged;
        private final String archive;
        private int count;

        Members(ReadRequest request, EventSink sink, Spool spool, ExpansionLimit limit, StatsMerger merged) {
            this.request = request;
            this.sink = sink;
            this.spool = spool;
            this.limit = limit;
            this.merged = merged;
            this.archive = request.source().displayName();
        }

        void gzip(Path path) throws IOException {
            Spool.Member member;
            try (InputStream in = new GZIPInputStream(new BufferedInputStream(Files.newInputStream(path), 1 << 16),
                    1 << 16)) {
                member = spool.write(in);
            } catch (ZipException e) {
                merged.failed(Diagnostic.errorAtOffset(archive, 0, "not a readable gzip file: " + e.getMessage()));
                return;
            }
            String name = gzipMemberName(path);
            if (isTar(member.file())) {
                try (InputStream in = new BufferedInputStream(Files.newInputStream(member.file()), 1 << 16)) {
                    tar(in, "");
                }
                reportExpansion(member, name);
                spool.delete(member.file());
                return;
            }
            read(member, name);
        }

        void zip(Path path) throws IOException {
            try (ZipFile zip = open(path)) {
                Enumeration<? extends ZipEntry> entries = zip.entries();
                while (entries.hasMoreElements()) {
                    ZipEntry entry = entries.nextElement();
                    if (entry.isDirectory()) {
                        continue;
                    }
                    if (!admit(entry.getName())) {
                        return;
                    }
                    Spool.Member member;
                    try (InputStream in = zip.getInputStream(entry)) {
                        member = spool.write(in);
                    } catch (ZipException e) {
                        merged.failed(Diagnostic.errorAtOffset(member(entry.getName()), -1,
                                "the member cannot be expanded (" + e.getMessage() + "; encrypted or damaged)"));
                        continue;
                    }
                    read(member, entry.getName());
                }
            }
        }

        void tar(InputStream in, String prefix) throws IOException {
            TarStream tar = new TarStream(in);
            TarStream.Entry entry;
            while ((entry = tar.next()) != null) {
                if (!admit(entry.name())) {
                    return;
                }
                read(spool.write(entry.data()), prefix + entry.name());
            }
        }

        private boolean admit(String name) {
            if (++count > limit.maxMembers()) {
                merged.warning(Diagnostic.warningAtOffset(archive, -1, "more than " + limit.maxMembers()
                        + " members: the rest of the archive is not read"));
                return false;
            }
            if (spool.exhausted()) {
                merged.warning(Diagnostic.warningAtOffset(archive, -1, "the expansion limit is used up before member "
                        + Names.shown(name) + ": the rest of the archive is not read"));
                return false;
            }
            return true;
        }

        /** Reads one expanded member with the reader its content calls for, and removes it. */
        private void read(Spool.Member member, String name) throws IOException {
            try {
                reportExpansion(member, name);
                String shown = member(name);
                Optional<EvidenceReader> found = FormatDetector.readerFor(member.file());
                if (found.isEmpty()) {
                    if (member.bytes() > 0) {
                        merged.warning(Diagnostic.warningAtOffset(shown, -1,
                                "not a format Sigmascope reads (EVTX, JSON or CSV event logs); skipped"));
                    }
                    return;
                }
                EvidenceReader reader = found.get();
                if (reader instanceof ArchiveEvidenceReader nested) {
                    if (depth + 1 >= limit.maxDepth()) {
                        merged.warning(Diagnostic.warningAtOffset(shown, -1, "an archive nested deeper than "
                                + limit.maxDepth() + " levels; skipped"));
                        return;
                    }
                    reader = new ArchiveEvidenceReader(nested.kind, depth + 1, limits);
                }
                Source source = new Source(request.source().id(), member.file(), shown, reader.format());
                merged.add(reader.read(new ReadRequest(source, request.options(), request.progress(),
                        request.cancellation()), sink));
            } finally {
                spool.delete(member.file());
            }
        }

        private void reportExpansion(Spool.Member member, String name) {
            if (member.problem() != null) {
                merged.warning(Diagnostic.warningAtOffset(member(name), member.bytes(), member.problem()));
            }
        }

        private String member(String name) {
            return archive + "!" + Names.shown(name);
        }
    }

    /** Zip names are UTF-8 in modern archives; old Windows archives use the DOS code page. */
    private static ZipFile open(Path path) throws IOException {
        try {
            return new ZipFile(path.toFile(), StandardCharsets.UTF_8);
        } catch (ZipException e) {
            return new ZipFile(path.toFile(), Charset.forName("IBM437"));
        }
    }

    private static boolean isTar(Path file) throws IOException {
        byte[] head = new byte[512];
        int length;
        try (InputStream in = Files.newInputStream(file)) {
            length = in.readNBytes(head, 0, head.length);
        }
        return ArchiveKind.of(head, length) == ArchiveKind.TAR;
    }

    /** The name a gzip stream had before compression: the file's name without {@code .gz}. */
    private static String gzipMemberName(Path path) {
        String name = path.getFileName().toString();
        if (name.endsWith(".tgz")) {
            return name.substring(0, name.length() - 4) + ".tar";
        }
        return name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
    }

    /** Sums the figures of the members, keeping the first diagnostics. */
    private static final class StatsMerger {
        private long events;
        private long failed;
        private long chunksSkipped;
        private long recovered;
        private long warnings;
        private final List<Diagnostic> diagnostics = new ArrayList<>();

        void add(SourceStats stats) {
            events += stats.events();
            failed += stats.failed();
            chunksSkipped += stats.chunksSkipped();
            recovered += stats.recovered();
            warnings += stats.warnings();
            stats.diagnostics().forEach(this::keep);
        }

        void failed(Diagnostic diagnostic) {
            failed++;
            keep(diagnostic);
        }

        void warning(Diagnostic diagnostic) {
            warnings++;
            keep(diagnostic);
        }

        private void keep(Diagnostic diagnostic) {
            if (diagnostics.size() < org.sigmascope.ingest.StatsCollector.MAX_DIAGNOSTICS) {
                diagnostics.add(diagnostic);
            }
        }

        SourceStats snapshot() {
            return new SourceStats(events, failed, chunksSkipped, recovered, warnings, diagnostics);
        }
    }
}
