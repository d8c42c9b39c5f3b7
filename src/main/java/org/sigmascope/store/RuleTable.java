package org.sigmascope.store;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.model.RuleInfo;

/**
 * The rule set the case's detections reflect: each rule's id and the SHA-256 of its YAML. A re-scan compares a new
 * rule set with it to find the rules whose detections must be replaced.
 */
public final class RuleTable {
    /** A rule as the case records it. */
    public record StoredRule(RuleInfo info, String hash) {
    }

    private final Db db;

    RuleTable(Db db) {
        this.db = db;
    }

    /** Rule id → content hash, for every rule of the rule set the detections reflect. */
    public Map<String, String> hashes() throws IOException {
        Map<String, String> hashes = new LinkedHashMap<>();
        for (String[] row : db.list("SELECT id, hash FROM rules ORDER BY id", List.of(),
                r -> new String[] {r.getString(1), r.getString(2)})) {
            hashes.put(row[0], row[1]);
        }
        return hashes;
    }

    /**
     * Forgets rules: deletes their detections, correlation hits and rows, in one transaction. A changed rule is
     * forgotten before it is scanned again and {@linkplain #record recorded} after, so a re-scan cut short leaves
     * it unrecorded, and the next re-scan starts it over instead of trusting half its detections.
     */
    public void forget(List<String> ruleIds) throws IOException {
        if (ruleIds.isEmpty()) {
            return;
        }
        db.inTransaction(tx -> {
            for (String id : ruleIds) {
                tx.update("DELETE FROM correlation_events WHERE hit_id IN (SELECT id FROM correlation_hits "
                        + "WHERE rule_id = ?)", id);
                tx.update("DELETE FROM correlation_hits WHERE rule_id = ?", id);
                tx.update("DELETE FROM detections WHERE rule_id = ?", id);
                tx.update("DELETE FROM rules WHERE id = ?", id);
            }
            return null;
        });
    }

    /** Records rules whose detections are complete for every event of the case, in one transaction. */
    public void record(List<StoredRule> rules) throws IOException {
        if (rules.isEmpty()) {
            return;
        }
        db.inTransaction(tx -> {
            for (StoredRule rule : rules) {
                RuleInfo info = rule.info();
                tx.update("INSERT OR REPLACE INTO rules (id, hash, title, level, status, author, description, refs, "
                                + "tags, license, path) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                        info.id(), rule.hash(), info.title(), info.level().sigmaName(), info.status(),
                        info.author(), info.description(), JsonCodec.write(JsonCodec.value(info.references())),
                        JsonCodec.write(JsonCodec.value(info.tags())), info.license(), info.path());
            }
            return null;
        });
    }
}
