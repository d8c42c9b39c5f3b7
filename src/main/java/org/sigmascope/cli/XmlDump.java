package org.sigmascope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;

import org.sigmascope.ingest.evtx.EvtxRecordXml;
import org.sigmascope.model.Event;
import org.sigmascope.model.Source;

/**
 * {@code dump -f xml}: each EVTX record as Windows renders it, inside one {@code <Events>} element (the form
 * {@code wevtutil qe /e:Events} writes), each preceded by a comment naming its source, record id and offset.
 * Records that are not from EVTX have no XML form; they are counted and reported on stderr.
 */
final class XmlDump implements AutoCloseable {
    private final Writer out;
    private final PrintWriter err;
    private EvtxRecordXml current;
    private String currentName;
    private long skipped;

    XmlDump(Writer out, PrintWriter err) throws IOException {
        this.out = out;
        this.err = err;
        out.write("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Events>\n");
    }

    void sourceStarted(Source source) throws IOException {
        closeSource();
        currentName = source.displayName();
        skipped = 0;
        if (source.format().equals("evtx")) {
            current = new EvtxRecordXml(source.path());
        }
    }

    void event(Event event) throws IOException {
        if (current == null) {
            skipped++;
            return;
        }
        String xml;
        try {
            xml = current.record(event.location());
        } catch (IOException e) {
            err.println(currentName + "@0x" + Long.toHexString(event.location()) + ": no XML: " + e.getMessage());
            return;
        }
        out.write("<!-- " + comment(currentName) + ", record " + event.recordId() + ", offset 0x"
                + Long.toHexString(event.location()) + (event.recovered() ? ", recovered from slack" : "") + " -->\n");
        out.write(xml);
        out.write('\n');
    }

    void sourceFinished() throws IOException {
        if (skipped > 0) {
            err.println(currentName + ": " + skipped + " events are not from EVTX and have no XML form; not written");
        }
        closeSource();
    }

    private void closeSource() throws IOException {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** A file name inside an XML comment: "--" may not appear there. */
    private static String comment(String text) {
        return text.replace("--", "-\u2010");
    }

    @Override
    public void close() throws IOException {
        closeSource();
        out.write("</Events>\n");
    }
}
