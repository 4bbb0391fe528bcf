package org.vpnlint.solver;

import com.microsoft.z3.Context;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The solver port over Z3. Creating it loads nothing; the first query loads Z3's native library (unpacked once into
 * the cache, see {@code tools.aqua.turnkey.support.TurnKey}) and creates the Z3 context that all its queries share
 * (a context costs about 10 ms, a query on a shared one well under 1 ms). A Z3 context is not thread-safe: use one
 * Z3Solver per thread. When Z3 cannot be loaded, {@link #newQuery} throws {@link SolverUnavailableException}.
 */
public final class Z3Solver implements Solver {

    /**
     * How many Z3 objects one context may collect before the next question gets a fresh one (tens of megabytes of
     * Java and native memory). Questions differ in size, so a run of thousands stays bounded by this and its largest
     * question, not their sum. Which question gets a fresh context depends only on the objects made before it, so
     * the same input still gives the same witnesses; a run below the limit keeps one context, as before.
     */
    static final int OBJECTS_PER_CONTEXT = 200_000;

    private final List<Z3Query> open = new ArrayList<>();
    private final int objectsPerContext;
    private Context context;
    private Z3Arena arena;

    public Z3Solver() {
        this(OBJECTS_PER_CONTEXT);
    }

    /** With another limit of objects per context (tests). */
    Z3Solver(int objectsPerContext) {
        this.objectsPerContext = objectsPerContext;
    }

    @Override
    public synchronized SymbolicQuery<?, ?> newQuery(String purpose, Duration timeout) {
        if (context != null && open.isEmpty() && arena.size() >= objectsPerContext) {
            // no question is open, so no term of this context is in use: all are released together, at a point
            // that depends only on the questions asked, never on the garbage collector
            context.close();
            context = null;
            arena = null;
        }
        if (context == null) {
            context = newContext();
            arena = new Z3Arena();
        }
        Z3Query query = new Z3Query(context, arena, purpose, timeout, this::forget);
        open.add(query);
        return query;
    }

    /** The first context loads the native library; a failure there is a LinkageError, not an exception. */
    private static Context newContext() {
        try {
            return new Context();
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SolverUnavailableException("cannot load Z3's native library: " + cause.getMessage(), e);
        }
    }

    /**
     * Z3's own version string (e.g. {@code 4.14.1.0}), read from the native library, which this loads; a library that
     * cannot be loaded throws {@link SolverUnavailableException} as a query would.
     */
    public static String z3Version() {
        try {
            return com.microsoft.z3.Version.getString();
        } catch (LinkageError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new SolverUnavailableException("cannot load Z3's native library: " + cause.getMessage(), e);
        }
    }

    private synchronized void forget(Z3Query query) {
        open.remove(query);
    }

    /** Closes the queries a caller left open, then the context with every term the queries built. */
    @Override
    public synchronized void close() {
        new ArrayList<>(open).forEach(Z3Query::close);
        if (context != null) {
            context.close();
            context = null;
            arena = null;
        }
    }
}
