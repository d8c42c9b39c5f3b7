package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.model.Detection;
import org.sigmascope.model.Match;
import org.sigmascope.model.Timestamps;
import org.sigmascope.sigma.SigmaCorrelation;

/**
 * Turns an episode into what the rest of Sigmascope sees: a {@link Detection} whose event is the hit's last event,
 * whose {@link Detection.CorrelationHit} lists the events that make it up in time order, and whose explanation says
 * why it fired: the condition and the measured value, the group, and which events each rule contributed.
 */
final class HitBuilder {
    /** Events named per rule in an explanation; the hit itself lists them all (up to the run's limit). */
    private static final int NAMED_PER_RULE = 10;

    /** A hit, and the same hit as a candidate for the correlations that refer to its correlation. */
    record Hit(Detection detection, Candidate candidate) {
    }

    private HitBuilder() {
    }

    static Hit build(Node node, List<String> group, Episode episode, String measured, int maxEvents) {
        SigmaCorrelation correlation = node.correlation;
        Map<String, String> groupValues = new LinkedHashMap<>();
        for (int i = 0; i < group.size(); i++) {
            groupValues.put(correlation.groupBy().get(i), group.get(i));
        }
        Map<Long, Candidate.EventRef> byId = new LinkedHashMap<>();
        for (Entry entry : episode.entries()) {
            for (Candidate.EventRef ref : entry.candidate().refs()) {
                byId.putIfAbsent(ref.id(), ref);
            }
        }
        List<Candidate.EventRef> refs = new ArrayList<>(byId.values());
        refs.sort(Comparator.comparingLong(Candidate.EventRef::nanos).thenComparingLong(Candidate.EventRef::id));
        if (refs.size() > maxEvents) {
            refs = new ArrayList<>(refs.subList(0, maxEvents));
        }
        Candidate last = episode.last().candidate();
        Detection.CorrelationHit hit = new Detection.CorrelationHit(correlation.type().sigmaName(), groupValues,
                refs.stream().map(Candidate.EventRef::id).toList());
        Detection detection = new Detection(last.event(), correlation.info(),
                explain(node, groupValues, episode, measured, byId.size(), refs.size()), hit);
        Candidate asCandidate = new Candidate(last.nanos(), last.eventId(), last.event(),
                new Candidate.OfHit(groupValues, last.values()), List.copyOf(refs));
        return new Hit(detection, asCandidate);
    }

    private static Match explain(Node node, Map<String, String> group, Episode episode, String measured, int events,
                                 int listed) {
        SigmaCorrelation correlation = node.correlation;
        List<Match.SelectionHit> selections = new ArrayList<>();
        String range = Numbers.text(episode.lowest()) + " to " + Numbers.text(episode.highest());
        String compared = Numbers.text(episode.first()) + " " + measured + " within " + correlation.timespan()
                + (episode.lowest() == episode.highest() ? "" : ", " + range + " while the hit lasted")
                + (listed < events ? "; " + listed + " of its " + events + " events listed" : "");
        selections.add(new Match.SelectionHit("condition", List.of(new Match.FieldHit(measured,
                correlation.condition().thresholds().stream().map(t -> t.operator().sigmaName()).toList(),
                correlation.condition().toString(), Numbers.text(episode.first()), -1, -1, compared))));
        if (!group.isEmpty()) {
            List<Match.FieldHit> fields = new ArrayList<>();
            group.forEach((name, value) -> fields.add(new Match.FieldHit(name, List.of("group-by"),
                    fieldsOf(node, name), value, -1, -1)));
            selections.add(new Match.SelectionHit("group-by", fields));
        }
        for (Node.Member member : node.members) {
            List<Candidate.EventRef> contributed = new ArrayList<>();
            for (Entry entry : episode.entries()) {
                if (entry.member() == member.index()) {
                    contributed.addAll(entry.candidate().refs());
                }
            }
            if (!contributed.isEmpty()) {
                selections.add(new Match.SelectionHit("rule " + member.reference(), List.of(new Match.FieldHit(
                        "events", List.of(), member.document().title(), named(contributed), -1, -1))));
            }
        }
        return new Match(selections);
    }

    /** The field a group-by name is read from, per rule when aliases make it differ. */
    private static String fieldsOf(Node node, String name) {
        int index = node.correlation.groupBy().indexOf(name);
        List<String> fields = node.members.stream().map(m -> m.groupFields().get(index)).distinct().toList();
        return String.join(" / ", fields);
    }

    /** {@code #12 at 2024-03-11T08:00:01Z, #15 at …, and 3 more}. */
    private static String named(List<Candidate.EventRef> refs) {
        refs.sort(Comparator.comparingLong(Candidate.EventRef::nanos).thenComparingLong(Candidate.EventRef::id));
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < Math.min(NAMED_PER_RULE, refs.size()); i++) {
            parts.add("#" + refs.get(i).id() + " at " + Timestamps.format(Times.instant(refs.get(i).nanos())));
        }
        String text = String.join(", ", parts);
        return refs.size() > NAMED_PER_RULE ? text + ", and " + (refs.size() - NAMED_PER_RULE) + " more" : text;
    }
}
