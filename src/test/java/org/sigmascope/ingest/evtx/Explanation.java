package org.sigmascope.ingest.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One explained kind of disagreement with a reference parser, from a reviewed test resource: which files
 * (regular expression on the corpus path), which fields (regular expression), what kind ({@code value},
 * {@code type}, {@code absent}, {@code extra}, {@code missing}), whose fault, and why.
 */
final class Explanation {
    final Pattern file;
    final Pattern field;
    final String kind;
    final String fault;
    final String why;
    int uses;

    private Explanation(String file, String field, String kind, String fault, String why) {
        this.file = Pattern.compile(file);
        this.field = Pattern.compile(field, Pattern.DOTALL);
        this.kind = kind;
        this.fault = fault;
        this.why = why;
    }

    boolean matches(String path, String fieldName, String disagreement) {
        return kind.equals(disagreement) && file.matcher(path).find() && field.matcher(fieldName).matches();
    }

    static List<Explanation> load(String resource) throws IOException {
        List<Explanation> explanations = new ArrayList<>();
        try (InputStream in = Explanation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 5) {
                    throw new IOException(resource + ": expected 5 tab-separated cells: " + line);
                }
                explanations.add(new Explanation(cells[0], cells[1], cells[2], cells[3], cells[4]));
            }
        }
        return explanations;
    }

    /** Fails on any unexplained disagreement (the first 40 shown), then on explanations no longer used. */
    static void assertAllExplained(List<String> unexplained, List<Explanation> explanations, String reference) {
        if (!unexplained.isEmpty()) {
            org.junit.jupiter.api.Assertions.fail(unexplained.size() + " unexplained disagreements with " + reference
                    + " (first 40):\n" + String.join("\n", unexplained.subList(0, Math.min(40, unexplained.size()))
                    .stream().map(line -> line.length() > 400 ? line.substring(0, 400) + "…" : line).toList()));
        }
        List<Explanation> stale = explanations.stream().filter(e -> e.uses == 0).toList();
        org.junit.jupiter.api.Assertions.assertTrue(stale.isEmpty(),
                "explanations that match nothing any more: " + stale);
    }

    @Override
    public String toString() {
        return file.pattern() + "\t" + field.pattern() + "\t" + kind + "\t" + fault + "\t" + why;
    }
}
