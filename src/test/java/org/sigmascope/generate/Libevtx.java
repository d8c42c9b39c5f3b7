package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Runs Debian's libevtx tools ({@code evtxinfo}, {@code evtxexport}), the independent reference parser the
 * generated EVTX must satisfy. CI installs them ({@code libevtx-utils}); a missing tool fails the test.
 */
final class Libevtx {
    private static final Pattern RECORDS = Pattern.compile("Number of records\\s*:\\s*(\\d+)");

    private Libevtx() {
    }

    static String run(String... command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            fail(command[0] + " is not installed: apt-get install -y libevtx-utils (" + e.getMessage() + ")");
            throw e;
        }
        byte[] out = process.getInputStream().readAllBytes();
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
                fail(String.join(" ", command) + " failed: " + err);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (!err.isBlank()) {
            fail(String.join(" ", command) + " reported: " + err);
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** The record count {@code evtxinfo} gives. */
    static long records(Path file) throws IOException {
        Matcher m = RECORDS.matcher(run("evtxinfo", file.toString()));
        if (!m.find()) {
            fail("evtxinfo printed no record count for " + file);
        }
        return Long.parseLong(m.group(1));
    }

    /** Every record as {@code evtxexport -f xml} renders it: System values and EventData/UserData fields. */
    static List<Map<String, String>> export(Path file) throws IOException {
        String xml = run("evtxexport", "-f", "xml", file.toString());
        List<Map<String, String>> events = new ArrayList<>();
        try {
            XMLStreamReader r = XMLInputFactory.newFactory().createXMLStreamReader(
                    new StringReader("<Events>" + xml.replaceAll("<\\?xml[^>]*\\?>", "") + "</Events>"));
            Map<String, String> current = null;
            String element = null;
            String dataName = null;
            StringBuilder text = new StringBuilder();
            int depth = 0;
            while (r.hasNext()) {
                int type = r.next();
                if (type == XMLStreamConstants.START_ELEMENT) {
                    depth++;
                    element = r.getLocalName();
                    text.setLength(0);
                    if (element.equals("Event")) {
                        current = new LinkedHashMap<>();
                        events.add(current);
                    } else if (current != null) {
                        for (int i = 0; i < r.getAttributeCount(); i++) {
                            String name = r.getAttributeLocalName(i);
                            if (element.equals("Data") && name.equals("Name")) {
                                dataName = r.getAttributeValue(i);
                            } else if (!name.equals("xmlns")) {
                                current.put(element + "_" + name, r.getAttributeValue(i));
                            }
                        }
                    }
                } else if (type == XMLStreamConstants.CHARACTERS || type == XMLStreamConstants.CDATA) {
                    text.append(r.getText());
                } else if (type == XMLStreamConstants.END_ELEMENT) {
                    depth--;
                    String name = r.getLocalName();
                    if (current != null && name.equals("Data") && dataName != null) {
                        current.put(dataName, text.toString());
                        dataName = null;
                    } else if (current != null && isLeaf(name) && depth >= 2) {
                        current.put(name, text.toString());
                    }
                    text.setLength(0);
                }
            }
        } catch (XMLStreamException e) {
            fail(file + ": evtxexport's XML does not parse: " + e.getMessage());
        }
        return events;
    }

    private static boolean isLeaf(String name) {
        return !List.of("Event", "System", "EventData", "UserData", "Provider", "TimeCreated", "Correlation",
                "Execution", "Security", "Operation_ESStoConsumerBinding", "Events").contains(name);
    }
}
