package hk.baycover.catalog;

import java.util.ArrayDeque;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Pieces of work done on other cores while the calling thread goes on reading, their results taken back in the order
 * they were given, with at most {@code window} pieces under way (so memory stays bounded). With one core the work is
 * done on the calling thread. For the streaming import: one thread parses, the others check or bind.
 */
final class WorkAhead<R> implements AutoCloseable {

    /** Takes back one result, in order. */
    interface Drain<R> {
        void accept(R result) throws Exception;
    }

    private final ExecutorService pool;
    private final ArrayDeque<Future<R>> queue = new ArrayDeque<>();
    private final int window;

    WorkAhead(int window) {
        int helpers = Math.min(3, Runtime.getRuntime().availableProcessors() - 1);
        this.window = window;
        this.pool = helpers < 1 ? null : Executors.newFixedThreadPool(helpers, r -> {
            Thread t = new Thread(r, "import-reader");
            t.setDaemon(true);
            return t;
        });
    }

    void submit(Callable<R> work, Drain<R> drain) throws Exception {
        if (pool == null) {
            drain.accept(work.call());
            return;
        }
        queue.add(pool.submit(work));
        while (queue.size() > window) drain.accept(take());
    }

    /** Takes back every result still under way. */
    void finish(Drain<R> drain) throws Exception {
        while (!queue.isEmpty()) drain.accept(take());
    }

    private R take() throws Exception {
        try {
            return queue.poll().get();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception) throw (Exception) cause;
            if (cause instanceof Error) throw (Error) cause;
            throw e;
        }
    }

    @Override
    public void close() {
        if (pool == null) return;
        for (Future<R> f : queue) f.cancel(true);
        pool.shutdownNow();
    }
}
