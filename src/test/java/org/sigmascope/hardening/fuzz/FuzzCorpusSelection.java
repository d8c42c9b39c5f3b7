package org.sigmascope.hardening.fuzz;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Chooses the fixed corpus kept in the repository from a campaign's corpus: the inputs that add the most coverage per
 * byte, up to a size budget, and every finding ({@code finding-…}) whatever its size. A minimized campaign corpus is
 * megabytes; the fixed one must stay small enough to commit and to replay in every {@code mvn verify}.
 *
 * <p>Reads the control file of a libFuzzer merge ({@code -merge=1 -merge_control_file=F}), which lists each input's
 * features. A feature divided by 8 is the edge (libFuzzer counts an edge's hits in 8 buckets), so new edges are
 * weighted first and hit-count features break ties. Usage:
 * {@code java -cp target/test-classes org.sigmascope.hardening.fuzz.FuzzCorpusSelection CONTROL BUDGET_BYTES DIR}
 * (docs/reliability.md); {@code DIR}'s {@code c-…} files are replaced by the chosen ones.
 */
public final class FuzzCorpusSelection {
    private FuzzCorpusSelection() {
    }

    /** One input of the merge: its file, size and features. */
    private record Input(Path file, long size, BitSet features) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: FuzzCorpusSelection CONTROL_FILE BUDGET_BYTES OUTPUT_DIR");
            System.exit(2);
        }
        List<Input> inputs = read(Path.of(args[0]));
        long budget = Long.parseLong(args[1]);
        Path out = Path.of(args[2]);
        BitSet all = new BitSet();
        inputs.forEach(input -> all.or(input.features()));
        BitSet have = new BitSet();
        Map<String, byte[]> chosen = new LinkedHashMap<>();
        long used = 0;
        for (Input input : inputs) {
            if (input.file().getFileName().toString().startsWith("finding-")) {
                chosen.put(input.file().getFileName().toString(), Files.readAllBytes(input.file()));
                have.or(input.features());
                used += input.size();
            }
        }
        while (true) {
            Input best = null;
            double bestScore = 0;
            for (Input input : inputs) {
                if (used + input.size() > budget) {
                    continue;
                }
                double score = gain(input.features(), have) / (input.size() + 64.0); // a tiny file still costs
                if (score > bestScore) {
                    best = input;
                    bestScore = score;
                }
            }
            if (best == null) {
                break;
            }
            byte[] data = Files.readAllBytes(best.file());
            chosen.putIfAbsent("c-" + sha1(data).substring(0, 12), data);
            have.or(best.features());
            used += best.size();
        }
        write(out, chosen);
        System.out.printf(Locale.ROOT, "%d files, %d bytes: edges %d of %d, features %d of %d%n", chosen.size(), used,
                edges(have).cardinality(), edges(all).cardinality(), have.cardinality(), all.cardinality());
    }

    /** New edges weigh 8, new hit-count features 1. */
    private static int gain(BitSet features, BitSet have) {
        BitSet added = (BitSet) features.clone();
        added.andNot(have);
        if (added.isEmpty()) {
            return 0;
        }
        BitSet newEdges = edges(added);
        newEdges.andNot(edges(have));
        return 8 * newEdges.cardinality() + added.cardinality();
    }

    private static BitSet edges(BitSet features) {
        BitSet edges = new BitSet();
        features.stream().forEach(feature -> edges.set(feature / 8));
        return edges;
    }

    /** {@code N}, {@code N0}, N file names, then {@code STARTED i size} and {@code FT i f…} lines. */
    private static List<Input> read(Path control) throws IOException {
        List<String> lines = Files.readAllLines(control, StandardCharsets.ISO_8859_1);
        int count = Integer.parseInt(lines.get(0).trim());
        List<Path> files = lines.subList(2, 2 + count).stream().map(Path::of).toList();
        List<Input> inputs = new ArrayList<>();
        for (String line : lines.subList(2 + count, lines.size())) {
            String[] parts = line.trim().split(" ");
            if (parts[0].equals("FT")) {
                Path file = files.get(Integer.parseInt(parts[1]));
                BitSet features = new BitSet();
                Arrays.stream(parts, 2, parts.length).mapToInt(Integer::parseInt).forEach(features::set);
                inputs.add(new Input(file, Files.size(file), features));
            }
        }
        return inputs;
    }

    private static void write(Path out, Map<String, byte[]> chosen) throws IOException {
        Files.createDirectories(out);
        try (Stream<Path> old = Files.list(out)) {
            for (Path file : old.filter(f -> f.getFileName().toString().startsWith("c-")).toList()) {
                Files.delete(file);
            }
        }
        for (Map.Entry<String, byte[]> entry : chosen.entrySet()) {
            Files.write(out.resolve(entry.getKey()), entry.getValue());
        }
    }

    private static String sha1(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-1", e);
        }
    }
}
