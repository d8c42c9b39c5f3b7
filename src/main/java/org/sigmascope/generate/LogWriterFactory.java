package org.sigmascope.generate;

import java.io.IOException;
import java.nio.file.Path;

import org.sigmascope.generate.event.LogChannel;
import org.sigmascope.generate.host.HostIdentity;

/** Opens the writer of one log file in one format. */
public interface LogWriterFactory {

    /** The file name extension, without the dot. */
    String extension();

    EventLogWriter open(Path file, HostIdentity host, LogChannel channel) throws IOException;
}
