package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

import org.sigmascope.generate.csv.EvtxECmdCsvWriter;
import org.sigmascope.generate.event.LogChannel;
import org.sigmascope.generate.evtx.EvtxFileWriter;
import org.sigmascope.generate.host.HostIdentity;
import org.sigmascope.generate.jsonl.EvtxJsonlWriter;

/** The formats {@code sigmascope generate} writes. */
public enum OutputFormat {
    /** Real EVTX, as the Windows event log service writes it. */
    EVTX("evtx"),
    /** JSON Lines in the shape of the Rust evtx crate ({@code evtx_dump -o jsonl}). */
    JSONL("jsonl"),
    /** CSV in EvtxECmd's column layout. */
    CSV("csv");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public LogWriterFactory factory() {
        return new LogWriterFactory() {
            @Override
            public String extension() {
                return extension;
            }

            @Override
            public EventLogWriter open(Path file, HostIdentity host, LogChannel channel) throws IOException {
                return switch (OutputFormat.this) {
                    case EVTX -> new EvtxFileWriter(file);
                    case JSONL -> new EvtxJsonlWriter(file);
                    case CSV -> new EvtxECmdCsvWriter(file, host.name() + "\\" + channel.fileStem() + ".evtx");
                };
            }
        };
    }

    public static Optional<OutputFormat> parse(String text) {
        for (OutputFormat format : values()) {
            if (format.extension.equals(text.toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
