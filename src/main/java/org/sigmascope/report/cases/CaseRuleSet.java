package org.sigmascope.report.cases;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;

import org.sigmascope.report.model.RuleSetIdentity;
import org.sigmascope.report.model.Sha256;
import org.sigmascope.store.CaseStore;

/**
 * The identity of the rule set the case's detections reflect, from the case's {@code rules} table: each rule's id
 * and the SHA-256 of its YAML, recorded when it was scanned. The set's hash is made as {@link RuleSetIdentity}
 * makes it, so a report of the case and {@code scan -o report.html} with the same rules show the same hash.
 */
final class CaseRuleSet {
    private CaseRuleSet() {
    }

    static RuleSetIdentity read(CaseStore store) throws IOException {
        List<RuleSetIdentity.RuleHash> hashes = store.db().list(
                "SELECT id, hash, coalesce(path, '') FROM rules ORDER BY id", List.of(),
                r -> new RuleSetIdentity.RuleHash(r.getString(1), r.getString(3), r.getString(2)));
        List<RuleSetIdentity.RuleHash> sorted = hashes.stream().sorted(Comparator
                .comparing(RuleSetIdentity.RuleHash::location).thenComparing(RuleSetIdentity.RuleHash::ruleId))
                .toList();
        String sha256 = Sha256.hex(RuleSetIdentity.manifest(sorted).getBytes(StandardCharsets.UTF_8));
        // A case keeps the rules that loaded, not the files that failed to: failures are not known here.
        return new RuleSetIdentity(sorted.size(), 0, sha256,
                List.of("the rules recorded in case " + store.file().getFileName()), sorted);
    }
}
