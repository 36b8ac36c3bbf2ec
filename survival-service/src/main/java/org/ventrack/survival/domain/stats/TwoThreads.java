package org.ventrack.survival.domain.stats;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Runs two independent halves of a pass, the second on the common fork-join pool when asked to. */
final class TwoThreads {

    private TwoThreads() {
    }

    static void run(boolean parallel, Runnable first, Runnable second) {
        if (!parallel) {
            first.run();
            second.run();
            return;
        }
        CompletableFuture<Void> other = CompletableFuture.runAsync(second);
        first.run();
        try {
            other.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) throw cause;
            throw e;
        }
    }
}
