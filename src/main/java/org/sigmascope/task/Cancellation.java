package org.sigmascope.task;

import java.util.concurrent.CancellationException;

/** A cancellation token: the UI or a signal handler cancels it, engine loops check it. */
public final class Cancellation {
    /** A token that is never cancelled. */
    public static final Cancellation NEVER = new Cancellation();

    private volatile boolean cancelled;

    public void cancel() {
        if (this == NEVER) {
            throw new IllegalStateException("the NEVER token cannot be cancelled");
        }
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    /** Throws {@link CancellationException} when cancelled; loops call it at their natural boundaries. */
    public void check() {
        if (cancelled) {
            throw new CancellationException("cancelled");
        }
    }
}
