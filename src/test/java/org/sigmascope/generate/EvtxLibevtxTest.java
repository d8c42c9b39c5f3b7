package org.sigmascope.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;

/**
 * The generated EVTX read back by libevtx, an independent parser: {@code evtxinfo} counts exactly the records
 * written, and {@code evtxexport} gives back every record's id, event id, computer, channel and every EventData
 * (or UserData) value.
 */
class EvtxLibevtxTest {
    @TempDir
    Path dir;

    @Test
    void libevtxReadsEveryRecordAndValue() throws IOException {
        Capture capture = new Capture(OutputFormat.EVTX.factory());
        GenerateOptions options = GenerateOptions.of(4, 8_000, 11, OutputFormat.EVTX, dir).withThreads(2);
        GenerationSummary summary = Generator.run(options, capture, (d, t, m) -> { },
                org.sigmascope.task.Cancellation.NEVER);
        assertEquals(8_000, summary.events());
        for (Map.Entry<Path, List<Capture.Written>> file : capture.files().entrySet()) {
            List<Capture.Written> written = file.getValue();
            assertEquals(written.size(), Libevtx.records(file.getKey()), file.getKey() + ": evtxinfo's count");
            List<Map<String, String>> exported = Libevtx.export(file.getKey());
            assertEquals(written.size(), exported.size(), file.getKey() + ": evtxexport's records");
            for (int i = 0; i < written.size(); i++) {
                compare(file.getKey(), written.get(i), exported.get(i));
            }
        }
    }

    private static void compare(Path file, Capture.Written written, Map<String, String> exported) {
        SimEvent event = written.event();
        String where = file.getFileName() + " record " + written.recordId();
        assertEquals(Long.toString(written.recordId()), exported.get("EventRecordID"), where);
        assertEquals(Integer.toString(event.schema().eventId()), exported.get("EventID"), where);
        assertEquals(event.computer(), exported.get("Computer"), where);
        assertEquals(event.schema().channel().channelName(), exported.get("Channel"), where);
        assertEquals(event.schema().provider().name(), exported.get("Provider_Name"), where);
        for (int i = 0; i < event.schema().fieldCount(); i++) {
            Field field = event.schema().fields().get(i);
            Object value = event.values()[i];
            String expected = field.type() == FieldType.BOOL ? value.toString() : ValueText.crate(field.type(), value);
            // An XML parser turns CR LF into LF (XML 1.0, 2.11), so compare line ends that way.
            assertEquals(ExpectedFields.normalize(expected.replace("\r\n", "\n")),
                    ExpectedFields.normalize(exported.get(field.name())), where + " " + field.name());
        }
    }
}
