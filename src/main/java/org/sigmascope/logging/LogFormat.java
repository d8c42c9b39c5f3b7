package org.sigmascope.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.logging.Formatter;
import java.util.logging.LogRecord;

/**
 * One log record per line, {@code 2024-03-11T09:02:33.518Z WARNING org.sigmascope.x.Y: message}, then the stack
 * trace indented. Every continuation line is indented, so text from evidence or rules that contains a line break
 * cannot pass for a record of its own.
 */
public final class LogFormat extends Formatter {
    @Override
    public String format(LogRecord record) {
        StringBuilder line = new StringBuilder(160);
        line.append(record.getInstant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).append(' ').append(record.getLevel().getName()).append(' ')
                .append(record.getLoggerName() == null ? "-" : record.getLoggerName()).append(": ")
                .append(indent(formatMessage(record)));
        if (record.getThrown() != null) {
            StringWriter trace = new StringWriter();
            record.getThrown().printStackTrace(new PrintWriter(trace));
            line.append("\n  ").append(indent(trace.toString().stripTrailing()));
        }
        return line.append('\n').toString();
    }

    private static String indent(String text) {
        return text == null ? "" : text.replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\n  ");
    }
}
