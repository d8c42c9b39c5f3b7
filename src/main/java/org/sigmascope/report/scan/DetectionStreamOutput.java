package org.sigmascope.report.scan;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Source;
import org.sigmascope.report.DetectionWriter;

/** Writes each detection as it is found (table, CSV, JSONL, Hayabusa CSV): nothing is held in memory. */
final class DetectionStreamOutput implements ScanOutput {
    /** Makes the writer, given the display name of each source id. */
    interface Factory {
        DetectionWriter create(IntFunction<String> sourceNames) throws IOException;
    }

    private final Map<Integer, String> sourceNames = new TreeMap<>();
    private final DetectionWriter writer;

    DetectionStreamOutput(Factory factory) throws IOException {
        Function<Integer, String> name = id -> sourceNames.getOrDefault(id, "");
        this.writer = factory.create(name::apply);
    }

    @Override
    public void sourceStarted(Source source) {
        sourceNames.put(source.id(), source.displayName());
    }

    @Override
    public void detection(Detection detection) {
        try {
            writer.write(detection);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
