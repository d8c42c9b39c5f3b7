package org.sigmascope.sigma.correlation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.RuleSet;
import org.sigmascope.sigma.eval.ReferenceEngine;
import org.sigmascope.sigma.load.RuleLoader;
import org.sigmascope.sigma.logsource.LogsourceMapping;

/** Rules from YAML text and hand-made Security events, run through the reference engine and a correlation run. */
final class Fixture {
    static final Instant T0 = Instant.parse("2024-03-11T08:00:00Z");

    private final RuleSet rules;
    private final List<Event> events = new ArrayList<>();
    private long nextId = 1;

    private Fixture(RuleSet rules) {
        this.rules = rules;
    }

    /** Three base rules, {@code a}, {@code b} and {@code c}, on Security events 1001, 1002 and 1003. */
    static final String BASE = String.join("---\n", base('a', 1001), base('b', 1002), base('c', 1003));

    /** A low rule named {@code name} (titled "Rule A" …, id ending in the letter) on Security events of an id. */
    private static String base(char name, int eventId) {
        return """
                title: Rule %S
                id: 00000000-0000-4000-8000-00000000000%s
                name: %s
                logsource: {product: windows, service: security}
                detection: {selection: {EventID: %d}, condition: selection}
                level: low
                """.formatted(name, name, name, eventId);
    }

    /** The base rules and one correlation: {@code id: corr}, the given {@code correlation:} body, level high. */
    static Fixture correlation(Path dir, String body) {
        return rules(dir, BASE + "---\ntitle: Correlation\nid: corr\nlevel: high\ncorrelation:\n"
                + body.stripIndent().indent(4));
    }

    /** Loads the YAML (several documents) and checks that everything loaded. */
    static Fixture rules(Path dir, String yaml) {
        RuleSet rules = load(dir, yaml);
        assertEquals(List.of(), rules.failures(), "every document loads");
        return new Fixture(rules);
    }

    static RuleSet load(Path dir, String yaml) {
        try {
            Path file = Files.createTempFile(dir, "rules", ".yml");
            Files.writeString(file, yaml);
            return RuleLoader.load(List.of(RuleLoader.RuleSource.of(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    RuleSet ruleSet() {
        return rules;
    }

    /** A Security event {@code seconds} after {@link #T0}, with its event id and fields (name, value, …). */
    Fixture event(double seconds, int eventId, Object... fields) {
        return event(seconds, "Security", eventId, fields);
    }

    /** An event of any channel {@code seconds} after {@link #T0}, with its event id and fields (name, value, …). */
    Fixture event(double seconds, String channel, int eventId, Object... fields) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("EventID", (long) eventId);
        for (int i = 0; i < fields.length; i += 2) {
            map.put((String) fields[i], fields[i + 1]);
        }
        Instant time = T0.plusNanos(Math.round(seconds * 1e9));
        String computer = String.valueOf(map.getOrDefault("Computer", "WS01"));
        events.add(new Event(nextId++, 1, nextId, time, computer, channel, "", eventId, 0, Fields.of(map), nextId,
                false));
        return this;
    }

    List<Event> events() {
        return events;
    }

    /** The hits, with the events offered in the order added. */
    List<Detection> hits() {
        return hits(events);
    }

    /** The hits, with the events offered in the given order. */
    List<Detection> hits(List<Event> order) {
        ReferenceEngine engine = new ReferenceEngine(rules, LogsourceMapping.builtin());
        CorrelationRun run = plan().start(RunLimits.SCAN);
        for (Event event : order) {
            engine.match(event, run::offer);
        }
        return run.finish();
    }

    CorrelationPlan plan() {
        return CorrelationPlan.of(rules, LogsourceMapping.builtin());
    }

    /** The events of each hit, by id. */
    List<List<Long>> hitEvents() {
        return hits().stream().map(h -> h.correlation().eventIds()).toList();
    }

    /** Each hit as its rule's id and the ids of its events. */
    static List<String> summary(List<Detection> hits) {
        return hits.stream().map(h -> h.rule().id() + " " + h.correlation().eventIds()).toList();
    }
}
