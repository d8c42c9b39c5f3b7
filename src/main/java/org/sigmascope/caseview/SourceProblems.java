package org.sigmascope.caseview;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import org.sigmascope.codec.JsonCodec;
import org.sigmascope.store.Db;

/** The problems an import found in one source, with their locations, as the case keeps them. */
public final class SourceProblems {
    /**
     * One problem.
     *
     * @param error    whether data was lost (an unreadable record) rather than only doubtful (a warning)
     * @param location {@code file:line} or {@code file@0xOFFSET}
     * @param message  what is wrong
     */
    public record Problem(boolean error, String location, String message) {
    }

    private SourceProblems() {
    }

    /** The first problems of a source (the import keeps a capped number; the counts say how many there were). */
    public static List<Problem> of(Db db, int sourceId) throws IOException {
        String json = db.first("SELECT diagnostics FROM sources WHERE id = ?", List.of(sourceId),
                r -> r.getString(1)).orElse(null);
        List<Problem> problems = new ArrayList<>();
        if (json == null) {
            return problems;
        }
        for (JsonNode node : JsonCodec.MAPPER.readTree(json)) {
            problems.add(new Problem(!"warning".equals(node.path("severity").asText()),
                    node.path("location").asText(""), node.path("message").asText("")));
        }
        return problems;
    }
}
