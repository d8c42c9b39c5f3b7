package org.sigmascope.store.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;

import org.sigmascope.ingest.EventSink;
import org.sigmascope.ingest.EvidenceReader;
import org.sigmascope.ingest.ReadRequest;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.model.SourceStats;
import org.sigmascope.model.Timestamps;

/**
 * A stand-in for generated evidence: replays real events, each given its own host, time, record id and process
 * id, so that a case of any size has realistic fields and realistic spreads of values. Its events come as a
 * reader's would, so the import measured is the import the app runs, less the parsing of files.
 *
 * @param pool   the real events to replay
 * @param events how many to emit
 * @param hosts  how many hosts they spread over
 * @param start  the time of the first
 * @param span   the time from the first to the last
 * @param seed   for the choice of events and values
 */
record EventReplay(List<Event> pool, long events, int hosts, Instant start, Duration span, long seed)
        implements EvidenceReader {

    @Override
    public String format() {
        return "replay";
    }

    @Override
    public SourceStats read(ReadRequest request, EventSink sink) {
        SplittableRandom random = new SplittableRandom(seed);
        long step = Math.max(1, span.toNanos() / Math.max(1, events));
        String[] hostNames = new String[hosts];
        for (int h = 0; h < hosts; h++) {
            hostNames[h] = String.format("WKS-%04d.corp.example", h);
        }
        for (long i = 0; i < events; i++) {
            if ((i & 0xffff) == 0) {
                request.cancellation().check();
                request.progress().update(i, events, null);
            }
            Event base = pool.get(random.nextInt(pool.size()));
            // Times advance with jitter of up to a step, in 100 ns ticks as EVTX keeps them.
            Instant time = start.plusNanos((i * step + random.nextLong(step)) / 100 * 100);
            String host = hostNames[random.nextInt(hosts)];
            sink.accept(new Event(0, request.source().id(), i + 1, time, host, base.channel(), base.provider(),
                    base.eventId(), base.level(), vary(base.fields(), host, i + 1, time, random), i, false));
        }
        return new SourceStats(events, 0, 0, 0, 0, List.of());
    }

    /** The fields of a pooled event with its host, record id, time and process id replaced, as a reader builds them. */
    private static Fields vary(Fields fields, String host, long recordId, Instant time, SplittableRandom random) {
        Fields.Builder varied = Fields.builder(fields.size() + 3);
        boolean computer = false;
        boolean record = false;
        boolean created = false;
        for (int f = 0; f < fields.size(); f++) {
            String name = fields.name(f);
            Object value = switch (name) {
                case "Computer" -> host;
                case "EventRecordID" -> recordId;
                case "TimeCreated_SystemTime" -> Timestamps.format(time);
                case "ProcessId" -> Long.toString(1000 + random.nextInt(60_000));
                default -> fields.value(f);
            };
            computer |= name.equals("Computer");
            record |= name.equals("EventRecordID");
            created |= name.equals("TimeCreated_SystemTime");
            varied.put(name, value);
        }
        if (!computer) {
            varied.put("Computer", host);
        }
        if (!record) {
            varied.put("EventRecordID", recordId);
        }
        if (!created) {
            varied.put("TimeCreated_SystemTime", Timestamps.format(time));
        }
        return varied.build();
    }
}
