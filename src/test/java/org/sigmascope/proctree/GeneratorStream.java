package org.sigmascope.proctree;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.sigmascope.generate.EventLogWriter;
import org.sigmascope.generate.GenerateOptions;
import org.sigmascope.generate.Generator;
import org.sigmascope.generate.LogWriterFactory;
import org.sigmascope.generate.OutputFormat;
import org.sigmascope.generate.event.Field;
import org.sigmascope.generate.event.FieldType;
import org.sigmascope.generate.event.LogChannel;
import org.sigmascope.generate.event.SimEvent;
import org.sigmascope.generate.event.ValueText;
import org.sigmascope.generate.host.HostIdentity;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.Timestamps;
import org.sigmascope.task.Cancellation;
import org.sigmascope.task.Progress;

/**
 * The events of {@code sigmascope generate}, handed on in batches as they are simulated instead of written to
 * files, with the fields the JSON reader would give for them: the benchmark's realistic source. One host after the
 * other ({@code -t 1}), each in its own time order, which is what the builder needs (it links per host).
 */
final class GeneratorStream {
    private GeneratorStream() {
    }

    /** Generates {@code events} events on {@code hosts} hosts into {@code scratch} (only the ground truth is written). */
    static void run(int hosts, long events, long seed, Path scratch, int batchSize, Consumer<List<Event>> batches)
            throws IOException {
        long[] nextId = {1};
        List<Event> batch = new ArrayList<>(batchSize);
        LogWriterFactory factory = new LogWriterFactory() {
            @Override
            public String extension() {
                return "none";
            }

            @Override
            public EventLogWriter open(Path file, HostIdentity host, LogChannel channel) {
                return new EventLogWriter() {
                    private long count;

                    @Override
                    public void write(SimEvent event, long recordId) {
                        batch.add(toEvent(event, recordId).withId(nextId[0]++));
                        count++;
                        if (batch.size() == batchSize) {
                            batches.accept(batch);
                            batch.clear();
                        }
                    }

                    @Override
                    public long count() {
                        return count;
                    }

                    @Override
                    public void close() {
                    }
                };
            }
        };
        GenerateOptions options = new GenerateOptions(hosts, events, seed, OutputFormat.JSONL, scratch, "all",
                GenerateOptions.DEFAULT_START, Duration.ofHours(24), 1);
        Generator.run(options, factory, Progress.NONE, Cancellation.NEVER);
        if (!batch.isEmpty()) {
            batches.accept(batch);
        }
    }

    /** The event with the fields EvtxJsonShape makes of the evtx crate's JSON of it. */
    static Event toEvent(SimEvent event, long recordId) {
        Fields.Builder fields = Fields.builder(event.values().length + 12);
        fields.put("Provider_Name", event.schema().provider().name());
        fields.put("EventID", (long) event.schema().eventId());
        fields.put("Version", (long) event.schema().version());
        fields.put("Level", (long) event.schema().level());
        fields.put("Task", (long) event.schema().task());
        fields.put("Opcode", (long) event.schema().opcode());
        fields.put("Keywords", "0x" + Long.toHexString(event.schema().keywords()));
        fields.put("TimeCreated_SystemTime", Timestamps.format(Timestamps.fromFiletime(event.filetime())));
        fields.put("EventRecordID", recordId);
        fields.put("Execution_ProcessID", event.processId());
        fields.put("Execution_ThreadID", event.threadId());
        fields.put("Channel", event.schema().channel().channelName());
        fields.put("Computer", event.computer());
        Object[] values = event.values();
        for (int i = 0; i < values.length; i++) {
            Field field = event.schema().fields().get(i);
            Object value = values[i];
            FieldType type = field.type();
            fields.put(field.name(), value == null || type.isNumber() || type == FieldType.BOOL ? value
                    : ValueText.crate(type, value));
        }
        return org.sigmascope.model.EventFactory.fromFields(1, fields.build(), Timestamps.fromFiletime(event.filetime()),
                recordId, false);
    }
}
