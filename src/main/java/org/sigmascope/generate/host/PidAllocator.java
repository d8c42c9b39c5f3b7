package org.sigmascope.generate.host;

import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.Deque;
import java.util.SplittableRandom;

/**
 * Hands out process ids the way Windows does: multiples of 4 from the kernel's handle table, where a freed id
 * is soon given to a new process. Ids of live processes are never handed out twice.
 */
final class PidAllocator {
    private static final int MAX_PID = 0xFFFC;
    private final BitSet live = new BitSet();
    private final Deque<Long> freed = new ArrayDeque<>();
    private final SplittableRandom random;
    private long next = 88;

    PidAllocator(SplittableRandom random) {
        this.random = random;
    }

    /** Marks a fixed pid (System's 4) as in use. */
    void reserve(long pid) {
        live.set((int) (pid / 4));
    }

    long allocate() {
        // Reuse a recently freed id more often than not, so PID reuse is common, as on a busy host.
        if (freed.size() > 8 && random.nextInt(100) < 60) {
            long pid = freed.pollFirst();
            if (!live.get((int) (pid / 4))) {
                live.set((int) (pid / 4));
                return pid;
            }
        }
        for (int tries = 0; tries < MAX_PID / 4; tries++) {
            next += 4L * (1 + random.nextInt(6));
            if (next > MAX_PID) {
                next = 88 + 4L * random.nextInt(64);
            }
            if (!live.get((int) (next / 4))) {
                live.set((int) (next / 4));
                return next;
            }
        }
        throw new IllegalStateException("no free process id: more than 16,000 live processes");
    }

    void free(long pid) {
        live.clear((int) (pid / 4));
        freed.addLast(pid);
        if (freed.size() > 256) {
            freed.pollFirst();
        }
    }
}
