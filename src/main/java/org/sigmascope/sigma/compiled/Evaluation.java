package org.sigmascope.sigma.compiled;

import java.util.Arrays;
import java.util.List;

import org.sigmascope.model.Event;
import org.sigmascope.model.Fields;
import org.sigmascope.sigma.detection.CidrMatcher;
import org.sigmascope.sigma.detection.CidrNetwork;
import org.sigmascope.sigma.detection.EventView;
import org.sigmascope.sigma.detection.ValueMatcher;

/**
 * One thread's working state: the current event and plan, the atoms and field values known so far for it (marked
 * by an epoch, so nothing is cleared between events), and the caches of scan results by field value.
 */
final class Evaluation {
    /** Values longer than this are not cached: long command lines rarely repeat, and hashing them costs a pass. */
    private static final int CACHED_LENGTH = 512;
    /** Entries all of a thread's caches may hold before they are all emptied (some 30 MB at most). */
    private static final int THREAD_CACHE_ENTRIES = 200_000;
    /** The position under which the items of lists are looked up in a {@link ScanMemo}: one of their own. */
    private static final int LIST_ITEMS = 0;

    final FieldScanner.Scratch scratch = new FieldScanner.Scratch();
    private Plan plan;
    private Event event;
    private Fields fields;
    private int epoch;
    private int[] atomEpoch = new int[0];
    private boolean[] atomValue = new boolean[0];
    private int[] scannerEpoch = new int[0];
    private int[] accessorEpoch = new int[0];
    private boolean[] accessorPresent = new boolean[0];
    private Object[] accessorValue = new Object[0];
    /** Per accessor, where its field was in the last event that had it (a guess, checked each time). */
    private int[] fieldGuess = new int[0];
    long[] pending = new long[0];
    private ScanMemo[] memos = new ScanMemo[0];
    private int[] addressEpoch = new int[0];
    private byte[][] addresses = new byte[0][];
    private static final int NUMBER_TEXTS = 1024;
    private final String[] numberTexts = new String[NUMBER_TEXTS];
    private final long[] numberValues = new long[NUMBER_TEXTS];
    private int cached;
    final RuleCounters counters;

    Evaluation(RuleCounters counters) {
        this.counters = counters;
    }

    void begin(Plan next, Event current) {
        if (atomEpoch.length < next.atoms.length) {
            atomEpoch = new int[next.atoms.length * 2];
            atomValue = new boolean[atomEpoch.length];
        }
        if (scannerEpoch.length < next.scanners.length) {
            scannerEpoch = new int[next.scanners.length * 2];
        }
        if (accessorEpoch.length < next.accessors.length) {
            accessorEpoch = new int[next.accessors.length * 2];
            accessorPresent = new boolean[accessorEpoch.length];
            accessorValue = new Object[accessorEpoch.length];
        }
        int words = (next.candidates.length + 63) >>> 6;
        if (pending.length < words) {
            pending = new long[words];
        } else {
            Arrays.fill(pending, 0, words, 0L);
        }
        // Each event has its own epoch, whatever its plan, so marks left by another plan's numbering are stale.
        if (++epoch == Integer.MAX_VALUE) {
            Arrays.fill(atomEpoch, 0);
            Arrays.fill(scannerEpoch, 0);
            Arrays.fill(accessorEpoch, 0);
            epoch = 1;
        }
        plan = next;
        event = current;
        fields = current.fields();
    }

    /** Forgets the event's values, so the thread holds on to nothing after the match. */
    void end() {
        Arrays.fill(accessorValue, 0, plan.accessors.length, null);
        event = null;
        fields = null;
    }

    boolean atom(int id) {
        Atom atom = plan.atoms[id];
        if (atom instanceof Atom.Scan scan) {
            if (scannerEpoch[scan.scanner()] != epoch) {
                runScanner(scan.scanner());
            }
            return atomEpoch[id] == epoch;
        }
        if (atomEpoch[id] == epoch) {
            return atomValue[id];
        }
        boolean value = atom instanceof Atom.Direct direct ? direct(direct) : keyword((Atom.Keyword) atom);
        atomEpoch[id] = epoch;
        atomValue[id] = value;
        return value;
    }

    /** Runs a scanner on its field's value; its atoms that hold are marked true (the others are false). */
    int[] runScanner(int scanner) {
        scannerEpoch[scanner] = epoch;
        int accessor = plan.scannerAccessor[scanner];
        Object value = value(accessor);
        if (!accessorPresent[accessor] || value == null) {
            return FieldScannerResults.NONE;
        }
        FieldScanner fieldScanner = plan.scanners[scanner];
        ScanMemo memo = memo(fieldScanner);
        int[] found;
        if (plan.accessors[accessor] instanceof Accessor.Keywords) {
            Fields all = fields;
            found = FieldScannerResults.NONE;
            for (int i = 0; i < all.size(); i++) {
                // Compared by reference first: a repeated value is answered without reading the object at all.
                Object item = all.value(i);
                int[] more = memo.same(i + 1, item);
                if (more == null && item != null) {
                    more = scan(fieldScanner, memo, i + 1, item);
                }
                if (more != null && more.length > 0) {
                    found = FieldScannerResults.union(found, more);
                }
            }
        } else {
            found = memo.same(1, value);
            if (found == null) {
                found = scan(fieldScanner, memo, 1, value);
            }
        }
        int[] atomsOfTests = plan.scannerAtoms[scanner];
        for (int test : found) {
            int atom = atomsOfTests[test];
            atomEpoch[atom] = epoch;
            atomValue[atom] = true;
        }
        return found;
    }

    /**
     * The tests that hold on a value (on any item of a list), remembered at its position (see {@link ScanMemo}):
     * values are immutable, lists too once in an event's fields.
     */
    private int[] scan(FieldScanner scanner, ScanMemo memo, int position, Object value) {
        int[] found;
        if (value instanceof Long && scanner.numbersNeverMatch) {
            found = FieldScannerResults.NONE;
        } else if (value instanceof List<?> items) {
            found = FieldScannerResults.NONE;
            for (Object item : items) {
                if (item != null) {
                    found = FieldScannerResults.union(found, scan(scanner, memo, LIST_ITEMS, text(item)));
                }
            }
        } else {
            found = scan(scanner, memo, position, text(value));
        }
        memo.remember(position, value, found);
        return found;
    }

    private ScanMemo memo(FieldScanner scanner) {
        if (memos.length <= scanner.id) {
            memos = Arrays.copyOf(memos, Math.max(scanner.id + 1, memos.length * 2));
        }
        ScanMemo memo = memos[scanner.id];
        if (memo == null) {
            memo = new ScanMemo();
            memos[scanner.id] = memo;
        }
        return memo;
    }

    private int[] scan(FieldScanner scanner, ScanMemo memo, int position, String text) {
        if (scanner.shapesNeverMatch && FieldScanner.shaped(text)) {
            // A GUID, time or hex number: checked in one cheap pass, neither hashed, stored nor searched.
            return FieldScannerResults.NONE;
        }
        if (text.length() > CACHED_LENGTH || !memo.usesCache(position)) {
            return scanner.scan(text, scratch);
        }
        ValueCache cache = memo.cache;
        int hash = ValueCache.hash(text);
        int[] found = cache.get(text, hash);
        memo.counted(position, found != null);
        if (found != null) {
            return found;
        }
        found = scanner.scan(text, scratch);
        if (++cached > THREAD_CACHE_ENTRIES) {
            for (ScanMemo other : memos) {
                if (other != null) {
                    other.cache.clear();
                }
            }
            cached = 1;
        }
        cached -= cache.put(text, hash, found);
        return found;
    }

    private Object value(int accessor) {
        if (accessorEpoch[accessor] != epoch) {
            Accessor read = plan.accessors[accessor];
            if (read instanceof Accessor.Raw raw) {
                readRaw(accessor, raw);
            } else {
                accessorPresent[accessor] = read.has(fields);
                accessorValue[accessor] = read.get(fields);
            }
            accessorEpoch[accessor] = epoch;
        }
        return accessorValue[accessor];
    }

    /**
     * Reads an event's own field as {@link Accessor.Raw} does. Events of one kind mostly share their field names
     * (an EVTX template's, interned as the accessor's are), so the field's position in the last such event is tried
     * first, by the name's identity, before the lookup by name.
     */
    private void readRaw(int accessor, Accessor.Raw raw) {
        String name = raw.field();
        if (fieldGuess.length <= accessor) {
            fieldGuess = Arrays.copyOf(fieldGuess, Math.max(accessor + 1, fieldGuess.length * 2));
        }
        int guess = fieldGuess[accessor];
        if (guess < fields.size() && fields.name(guess) == name) {
            accessorValue[accessor] = fields.value(guess);
            accessorPresent[accessor] = true;
            return;
        }
        Object direct = fields.get(name);
        if (direct != null) {
            accessorValue[accessor] = direct;
            accessorPresent[accessor] = true;
            for (int i = 0; i < fields.size(); i++) {
                if (fields.name(i) == name) {
                    fieldGuess[accessor] = i;
                    break;
                }
            }
        } else if (name.indexOf('.') < 0) {
            accessorValue[accessor] = null; // absent, or present with a null value
            accessorPresent[accessor] = fields.contains(name);
        } else {
            accessorValue[accessor] = raw.get(fields);
            accessorPresent[accessor] = raw.has(fields);
        }
    }

    private byte[] address(int accessor, Object value) {
        if (addressEpoch.length <= accessor) {
            addressEpoch = Arrays.copyOf(addressEpoch, accessor + 16);
            addresses = Arrays.copyOf(addresses, accessor + 16);
        }
        if (addressEpoch[accessor] != epoch) {
            addressEpoch[accessor] = epoch;
            addresses[accessor] = CidrNetwork.address(Fields.textOf(value));
        }
        return addresses[accessor];
    }

    /** A number's text, remembered for the numbers seen last (process ids, ports, logon types repeat). */
    private String text(Object value) {
        if (value instanceof Long number) {
            long n = number;
            int slot = (int) (n ^ (n >>> 32)) & (NUMBER_TEXTS - 1);
            String known = numberTexts[slot];
            if (known != null && numberValues[slot] == n) {
                return known;
            }
            String made = Long.toString(n);
            numberTexts[slot] = made;
            numberValues[slot] = n;
            return made;
        }
        return Fields.textOf(value);
    }

    /** As {@code FieldCondition.matchField} of the reference. */
    private boolean direct(Atom.Direct atom) {
        Object value = value(atom.accessor());
        boolean present = accessorPresent[atom.accessor()];
        ValueMatcher matcher = atom.matcher();
        EventView view = atom.view() == null ? null : atom.view().view(event);
        if (matcher.wholeField()) {
            return matcher.match(present, value, view) != null;
        }
        if (!present || value == null) {
            return false;
        }
        if (matcher instanceof CidrMatcher cidr && !(value instanceof List<?>)) {
            // As CidrMatcher.match, with the address parsed once for all the networks rules test it against.
            return cidr.network().containsAddress(address(atom.accessor(), value));
        }
        if (value instanceof List<?> items) {
            for (Object item : items) {
                if (matcher.match(true, item, view) != null) {
                    return true;
                }
            }
            return false;
        }
        return matcher.match(true, value, view) != null;
    }

    /** As {@code FieldCondition.matchKeyword} of the reference: the value in any field of the event. */
    private boolean keyword(Atom.Keyword atom) {
        ValueMatcher matcher = atom.matcher();
        EventView view = atom.view() == null ? null : atom.view().view(event);
        for (int i = 0; i < fields.size(); i++) {
            Object value = fields.value(i);
            if (value instanceof List<?> items) {
                for (Object item : items) {
                    if (matcher.match(true, item, view) != null) {
                        return true;
                    }
                }
            } else if (value != null && matcher.match(true, value, view) != null) {
                return true;
            }
        }
        return false;
    }
}
