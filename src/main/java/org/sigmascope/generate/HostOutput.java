package org.sigmascope.generate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.sigmascope.generate.event.LogChannel;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.host.HostIdentity;
import org.sigmascope.generate.host.HostSink;

/**
 * Where one host's events go: one file per channel, as on the host ({@code evidence/WS01/Security.evtx} …), record ids
 * counted per file from 1, and the ground truth of the injected ones.
 */
final class HostOutput implements HostSink {
    private final Path folder;
    private final HostIdentity host;
    private final LogWriterFactory factory;
    private final Map<LogChannel, EventLogWriter> writers = new EnumMap<>(LogChannel.class);
    private final List<GroundTruthEntry> truth = new ArrayList<>();
    private final AtomicLong written;

    /** Logs go under {@code evidence/}, apart from the ground truth, so the folder can be scanned as it is. */
    static final String EVIDENCE = "evidence";

    HostOutput(Path root, HostIdentity host, LogWriterFactory factory, AtomicLong written) throws IOException {
        this.folder = root.resolve(EVIDENCE).resolve(host.name());
        this.host = host;
        this.factory = factory;
        this.written = written;
        Files.createDirectories(folder);
    }

    @Override
    public void accept(SimEvent event) {
        LogChannel channel = event.schema().channel();
        try {
            EventLogWriter writer = writers.get(channel);
            if (writer == null) {
                writer = factory.open(folder.resolve(fileName(channel)), host, channel);
                writers.put(channel, writer);
            }
            long recordId = writer.count() + 1;
            writer.write(event, recordId);
            if (event.injection() != null) {
                truth.add(new GroundTruthEntry(event.injection(), host.fqdn(), relative(channel),
                        channel.channelName(), recordId, event.schema().eventId(), event.filetime()));
            }
            written.incrementAndGet();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String fileName(LogChannel channel) {
        return channel.fileStem() + "." + factory.extension();
    }

    private String relative(LogChannel channel) {
        return EVIDENCE + "/" + host.name() + "/" + fileName(channel);
    }

    /** Closes every file; returns what was written, per file in channel order. */
    List<GenerationSummary.LogFile> close() throws IOException {
        List<GenerationSummary.LogFile> files = new ArrayList<>();
        IOException failure = null;
        for (Map.Entry<LogChannel, EventLogWriter> entry : writers.entrySet()) {
            try {
                entry.getValue().close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
            files.add(new GenerationSummary.LogFile(host.fqdn(), relative(entry.getKey()),
                    entry.getKey().channelName(), entry.getValue().count()));
        }
        if (failure != null) {
            throw failure;
        }
        return files;
    }

    List<GroundTruthEntry> truth() {
        return truth;
    }
}
