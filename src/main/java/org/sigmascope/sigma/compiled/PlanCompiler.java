package org.sigmascope.sigma.compiled;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.sigmascope.sigma.SigmaRule;
import org.sigmascope.sigma.condition.Condition;
import org.sigmascope.sigma.detection.AnyOfMatcher;
import org.sigmascope.sigma.detection.FieldCondition;
import org.sigmascope.sigma.detection.FieldRefMatcher;
import org.sigmascope.sigma.detection.NullMatcher;
import org.sigmascope.sigma.detection.RegexMatcher;
import org.sigmascope.sigma.detection.SearchIdentifier;
import org.sigmascope.sigma.detection.ValueMatcher;
import org.sigmascope.sigma.detection.WildcardMatcher;
import org.sigmascope.sigma.logsource.SourceBinding;

/**
 * Compiles the rules that may see one kind of event into a {@link Plan}: each field read the same way gets one
 * scanner for all its text tests, identical predicates become one atom, and each rule's condition becomes a tree
 * over atoms with its triggers.
 */
final class PlanCompiler {
    /** A rule through one of its bindings, as the plan will hold it. */
    record Entry(int rule, SigmaRule sigmaRule, SourceBinding binding) {
    }

    private final AtomicInteger scannerIds;
    private final Map<Accessor, Integer> accessors = new LinkedHashMap<>();
    private final Map<Integer, Integer> scannerOfAccessor = new HashMap<>();
    private final List<Integer> scannerAccessor = new ArrayList<>();
    private final List<List<TextTest>> scannerTests = new ArrayList<>();
    private final List<Map<Object, Integer>> scannerTestIds = new ArrayList<>();
    private final List<List<Integer>> scannerAtoms = new ArrayList<>();
    private final Map<Object, Integer> atomIds = new HashMap<>();
    private final List<Atom> atoms = new ArrayList<>();

    private PlanCompiler(AtomicInteger scannerIds) {
        this.scannerIds = scannerIds;
    }

    static Plan compile(List<Entry> entries, AtomicInteger scannerIds) {
        return new PlanCompiler(scannerIds).plan(entries);
    }

    private Plan plan(List<Entry> entries) {
        List<Plan.Candidate> candidates = new ArrayList<>();
        for (Entry entry : entries) {
            Node condition = condition(entry.sigmaRule().condition(), entry, new HashMap<>());
            if (condition.equals(Node.FALSE)) {
                continue; // can never hold here (an empty placeholder in a selection)
            }
            candidates.add(new Plan.Candidate(entry.rule(), entry.sigmaRule(), entry.binding(),
                    !entry.binding().where().isEmpty(), condition));
        }
        Atom[] atomArray = atoms.toArray(Atom[]::new);
        List<List<Integer>> triggered = new ArrayList<>();
        atoms.forEach(a -> triggered.add(null));
        List<Integer> always = new ArrayList<>();
        TreeSet<Integer> eagerScanners = new TreeSet<>();
        TreeSet<Integer> eagerDirect = new TreeSet<>();
        for (int c = 0; c < candidates.size(); c++) {
            int[] triggers = Triggers.of(candidates.get(c).condition(), atomArray);
            if (triggers == null) {
                always.add(c);
                continue;
            }
            for (int atom : triggers) {
                if (triggered.get(atom) == null) {
                    triggered.set(atom, new ArrayList<>());
                }
                triggered.get(atom).add(c);
                if (atomArray[atom] instanceof Atom.Scan scan) {
                    eagerScanners.add(scan.scanner());
                } else {
                    eagerDirect.add(atom);
                }
            }
        }
        FieldScanner[] scanners = new FieldScanner[scannerTests.size()];
        for (int s = 0; s < scanners.length; s++) {
            scanners[s] = new FieldScanner(scannerIds.getAndIncrement(), scannerTests.get(s));
        }
        return new Plan(candidates.toArray(Plan.Candidate[]::new), atomArray,
                accessors.keySet().toArray(Accessor[]::new), scanners, ints(scannerAccessor),
                scannerAtoms.stream().map(PlanCompiler::ints).toArray(int[][]::new), ints(eagerScanners),
                ints(eagerDirect), triggered.stream().map(l -> l == null ? null : ints(l)).toArray(int[][]::new),
                ints(always));
    }

    private Node condition(Condition condition, Entry entry, Map<String, Node> identifiers) {
        if (condition instanceof Condition.Identifier id) {
            return identifiers.computeIfAbsent(id.name(),
                    name -> identifier(entry.sigmaRule().identifiers().get(name), entry.binding()));
        }
        if (condition instanceof Condition.Not not) {
            return Node.not(condition(not.operand(), entry, identifiers));
        }
        if (condition instanceof Condition.And and) {
            return Node.and(and.operands().stream().map(c -> condition(c, entry, identifiers)).toList());
        }
        if (condition instanceof Condition.Or or) {
            return Node.or(or.operands().stream().map(c -> condition(c, entry, identifiers)).toList());
        }
        throw new IllegalStateException("unresolved condition: " + condition);
    }

    private Node identifier(SearchIdentifier identifier, SourceBinding binding) {
        List<Node> alternatives = new ArrayList<>();
        for (List<FieldCondition> alternative : identifier.alternatives()) {
            alternatives.add(Node.and(alternative.stream().map(item -> item(item, binding)).toList()));
        }
        return Node.or(alternatives);
    }

    /** A detection item: any (or all) of its values, negated by {@code neq}; no values never hold. */
    private Node item(FieldCondition item, SourceBinding binding) {
        List<Node> terms = new ArrayList<>();
        for (ValueMatcher matcher : item.matchers()) {
            terms.add(term(item, matcher, binding));
        }
        Node positive = item.matchers().isEmpty() ? Node.FALSE : item.all() ? Node.and(terms) : Node.or(terms);
        return item.negated() ? Node.not(positive) : positive;
    }

    private Node term(FieldCondition item, ValueMatcher matcher, SourceBinding binding) {
        if (matcher instanceof AnyOfMatcher anyOf && anyOf.alternatives().stream().allMatch(PlanCompiler::isText)) {
            // Alternatives tested item by item: any alternative on any item is any item for any alternative.
            return Node.or(anyOf.alternatives().stream().map(a -> term(item, a, binding)).toList());
        }
        SourceBinding view = needsView(matcher) ? binding : null;
        Object viewKey = view == null ? "" : view.fields();
        if (item.field() == null && !isText(matcher)) {
            return atom(List.of("keyword", matcherKey(matcher), viewKey), () -> new Atom.Keyword(matcher, view));
        }
        Accessor read = item.field() == null ? new Accessor.Keywords() : Accessor.of(binding, item.field());
        int accessor = accessors.computeIfAbsent(read, a -> accessors.size());
        if (isText(matcher)) {
            return scanAtom(accessor, matcher);
        }
        return atom(List.of("direct", accessor, matcherKey(matcher), viewKey),
                () -> new Atom.Direct(accessor, matcher, view));
    }

    private Node scanAtom(int accessor, ValueMatcher matcher) {
        int scanner = scannerOfAccessor.computeIfAbsent(accessor, a -> {
            scannerAccessor.add(a);
            scannerTests.add(new ArrayList<>());
            scannerTestIds.add(new HashMap<>());
            scannerAtoms.add(new ArrayList<>());
            return scannerTests.size() - 1;
        });
        Object key = TextTest.keyOf(matcher);
        Integer test = scannerTestIds.get(scanner).get(key);
        if (test == null) {
            TextTest made = matcher instanceof WildcardMatcher w ? TextTest.Wildcard.of(w)
                    : new TextTest.Regex((RegexMatcher) matcher);
            test = scannerTests.get(scanner).size();
            scannerTests.get(scanner).add(made);
            scannerTestIds.get(scanner).put(key, test);
            int testIndex = test;
            atoms.add(new Atom.Scan(scanner, testIndex, made.quality()));
            scannerAtoms.get(scanner).add(atoms.size() - 1);
        } else if (scannerTests.get(scanner).get(test) instanceof TextTest.Regex regex) {
            regex.share((RegexMatcher) matcher);
        }
        return new Node.AtomRef(scannerAtoms.get(scanner).get(test));
    }

    private Node atom(Object key, java.util.function.Supplier<Atom> make) {
        int id = atomIds.computeIfAbsent(key, k -> {
            atoms.add(make.get());
            return atoms.size() - 1;
        });
        return new Node.AtomRef(id);
    }

    private static boolean isText(ValueMatcher matcher) {
        return matcher instanceof WildcardMatcher || matcher instanceof RegexMatcher;
    }

    private static boolean needsView(ValueMatcher matcher) {
        return matcher instanceof FieldRefMatcher || matcher instanceof AnyOfMatcher;
    }

    private static Object matcherKey(ValueMatcher matcher) {
        if (matcher instanceof NullMatcher) {
            return "null";
        }
        Object text = TextTest.keyOf(matcher);
        return text != null ? text : matcher;
    }

    private static int[] ints(java.util.Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }
}
