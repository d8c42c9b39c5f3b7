package org.sigmascope.sigma.correlation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.sigmascope.sigma.SigmaCorrelation;
import org.sigmascope.sigma.SigmaDocument;

/**
 * A correlation ready to run: each referenced rule or correlation (a member) with the field names its events hold
 * the group-by and measured values in (after the aliases).
 */
final class Node {
    /**
     * One entry of the correlation's {@code rules}.
     *
     * @param index       its position in {@code rules}
     * @param reference   as written
     * @param document    the rule or correlation it names
     * @param groupFields for each group-by name, the field this member's events hold it in
     * @param valueFields for each measured field, the field this member's events hold it in
     */
    record Member(int index, String reference, SigmaDocument document, List<String> groupFields,
                  List<String> valueFields) {
    }

    final SigmaCorrelation correlation;
    final List<Member> members = new ArrayList<>();
    /** Whether its hits are reported, rather than only fed to the correlations that refer to it. */
    final boolean reported;
    /** The members of other correlations that take its hits. */
    final List<Use> consumers = new ArrayList<>();

    /** A member of a correlation that takes a rule's matches or a correlation's hits. */
    record Use(Node node, Member member) {
    }

    Node(SigmaCorrelation correlation, List<SigmaDocument> documents, boolean reported) {
        this.correlation = correlation;
        this.reported = reported;
        for (int i = 0; i < documents.size(); i++) {
            String reference = correlation.rules().get(i);
            SigmaDocument document = documents.get(i);
            members.add(new Member(i, reference, document, resolve(correlation.groupBy(), reference, document),
                    resolve(correlation.condition().fields(), reference, document)));
        }
    }

    /** Field names through the aliases: an alias names a field per rule (by the reference, id or name). */
    private List<String> resolve(List<String> names, String reference, SigmaDocument document) {
        List<String> fields = new ArrayList<>();
        for (String name : names) {
            Map<String, String> alias = correlation.aliases().get(name);
            String field = null;
            if (alias != null) {
                field = alias.get(reference);
                if (field == null) {
                    field = alias.get(document.id());
                }
                if (field == null && document.name() != null) {
                    field = alias.get(document.name());
                }
            }
            fields.add(field != null ? field : name);
        }
        return fields;
    }

    String id() {
        return correlation.id();
    }
}
