package org.sigmascope.proctree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.IntUnaryOperator;

/**
 * Turns what the linker gathered into a {@link ProcessTree}: merged rows folded in, placeholders no child kept
 * dropped, processes ordered by host and start, loops cut, and the child lists and lookups built.
 */
final class TreeFreezer {
    private TreeFreezer() {
    }

    static ProcessTree freeze(SightingLinker linker, List<String> hostNames, long events, List<String> problems,
                              long problemCount, long tolerance) {
        ProcessTable t = linker.table;
        int n = t.size;
        int[] refs = new int[n];
        for (int i = 0; i < n; i++) {
            if (t.alias[i] < 0) {
                t.parent[i] = linker.resolve(t.parent[i]);
                t.candidate[i] = linker.resolve(t.candidate[i]);
                if (t.parent[i] >= 0) {
                    refs[t.parent[i]]++;
                }
            }
        }
        int[] rank = hostRanks(hostNames);
        int[] order = new int[n];
        long[] keys = new long[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (t.alias[i] < 0 && !(t.has(i, ProcessTable.CLAIM_ONLY) && refs[i] == 0)) {
                order[m] = i;
                keys[m] = t.effectiveStart(i);
                m++;
            }
        }
        RadixSort.sort(keys, order, m);
        for (int j = 0; j < m; j++) {
            keys[j] = rank[t.host[order[j]]];
        }
        RadixSort.sort(keys, order, m);
        int[] newIndex = new int[n];
        Arrays.fill(newIndex, -1);
        for (int j = 0; j < m; j++) {
            newIndex[order[j]] = j;
        }
        IntUnaryOperator toNew = p -> {
            int r = linker.resolve(p);
            return r < 0 ? -1 : newIndex[r];
        };
        if (linker.indexEvents) {
            linker.events.freeze(toNew); // before the aliases go with the compaction
        }
        linker.releaseLookups();
        t.compact(order, m, newIndex);
        ProcessTable c = t;
        List<String> sortedHosts = new ArrayList<>(hostNames);
        int[] hostStart = new int[hostNames.size() + 1];
        for (int h = 0; h < hostNames.size(); h++) {
            sortedHosts.set(rank[h], hostNames.get(h));
        }
        for (int i = 0; i < m; i++) {
            c.host[i] = rank[c.host[i]];
            hostStart[c.host[i] + 1]++;
        }
        for (int h = 0; h < hostNames.size(); h++) {
            hostStart[h + 1] += hostStart[h];
        }
        int cycles = cutLoops(c);
        int[] childOffsets = new int[m + 1];
        for (int i = 0; i < m; i++) {
            if (c.parent[i] >= 0) {
                childOffsets[c.parent[i] + 1]++;
            }
        }
        for (int i = 0; i < m; i++) {
            childOffsets[i + 1] += childOffsets[i];
        }
        int[] childList = new int[childOffsets[m]];
        int[] next = Arrays.copyOf(childOffsets, m);
        for (int i = 0; i < m; i++) {
            if (c.parent[i] >= 0) {
                childList[next[c.parent[i]]++] = i;
            }
        }
        EventIndex index = linker.indexEvents ? linker.events : null;
        GuidMap guids = new GuidMap();
        for (int i = 0; i < m; i++) {
            if (c.hasGuid(i)) {
                guids.put(c.host[i], c.guid(i), i);
            }
        }
        int withPid = 0;
        long[] pidKeys = new long[m];
        int[] pidProcesses = new int[m];
        for (int i = 0; i < m; i++) {
            if (c.pid[i] != -1) {
                pidKeys[withPid] = (long) c.host[i] << 32 | c.pidOf(i);
                pidProcesses[withPid++] = i;
            }
        }
        RadixSort.sort(pidKeys, pidProcesses, withPid);
        TreeStats stats = stats(linker, c, events, problemCount, cycles);
        return new ProcessTree(c, sortedHosts, hostStart, childOffsets, childList, index, guids,
                Arrays.copyOf(pidKeys, withPid), Arrays.copyOf(pidProcesses, withPid), stats, problems, tolerance);
    }

    /** Each host's place in name order. */
    private static int[] hostRanks(List<String> hostNames) {
        Integer[] byName = new Integer[hostNames.size()];
        Arrays.setAll(byName, h -> h);
        Arrays.sort(byName, Comparator.comparing((Integer h) -> hostNames.get(h).toLowerCase(Locale.ROOT))
                .thenComparing(hostNames::get));
        int[] rank = new int[hostNames.size()];
        for (int r = 0; r < byName.length; r++) {
            rank[byName[r]] = r;
        }
        return rank;
    }

    /** Cuts every loop of parent links (contradictory evidence) at the process where the walk closed it. */
    private static int cutLoops(ProcessTable c) {
        byte[] state = new byte[c.size];
        int[] path = new int[c.size];
        int cycles = 0;
        for (int i = 0; i < c.size; i++) {
            int length = 0;
            int x = i;
            while (x >= 0 && state[x] == 0) {
                state[x] = 1;
                path[length++] = x;
                x = c.parent[x];
            }
            if (x >= 0 && state[x] == 1) {
                c.link(x, -1, LinkKind.UNKNOWN, LinkReason.CYCLE, -1, ProcessTable.Checks.NONE);
                cycles++;
            }
            for (int k = 0; k < length; k++) {
                state[path[k]] = 2;
            }
        }
        return cycles;
    }

    private static TreeStats stats(SightingLinker linker, ProcessTable c, long events, long problemCount, int cycles) {
        int placeholders = 0;
        int[] kinds = new int[LinkKind.values().length];
        for (int i = 0; i < c.size; i++) {
            if (c.has(i, ProcessTable.PLACEHOLDER)) {
                placeholders++;
            }
            kinds[c.hasLink(i) ? c.linkKind[i] : LinkKind.UNKNOWN.ordinal()]++;
        }
        SightingLinker.Counters k = linker.counters;
        return new TreeStats(events, k.sightings, k.starts, k.stops, k.activities, c.size, placeholders,
                k.mergedStarts, k.duplicates, k.adoptedGuids, k.outOfOrder, kinds[LinkKind.EXACT.ordinal()],
                kinds[LinkKind.INFERRED.ordinal()], kinds[LinkKind.UNKNOWN.ordinal()], cycles, problemCount);
    }
}
