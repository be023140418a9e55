package io.tenantchat.localstack.standin;

import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * What every stand-in's request handler keeps: the requests it received, its current settings and the budget of
 * the fault they inject. {@link #replace} swaps both at once for the requests that follow.
 *
 * @param <S> the stand-in's settings
 * @param <F> its fault
 */
public abstract class StandInHandler<S, F> implements Consumer<Exchange> {

    private final RequestLog requests = new RequestLog();
    private final Function<S, FaultBudget<F>> budgetOf;
    private volatile S settings;
    private volatile FaultBudget<F> faults;

    protected StandInHandler(S settings, Function<S, FaultBudget<F>> budgetOf) {
        this.budgetOf = budgetOf;
        replace(settings);
    }

    /** New settings, and a fresh budget of their fault. */
    public final void replace(S settings) {
        this.faults = budgetOf.apply(settings);
        this.settings = settings;
    }

    /** Requests recorded, faulted ones included. */
    public final int invocations() {
        return requests.count();
    }

    /** The last request recorded, as it arrived. */
    public final Optional<RecordedRequest> lastRequest() {
        return requests.last();
    }

    protected final void record(RecordedRequest request) {
        requests.record(request);
    }

    protected final S settings() {
        return settings;
    }

    protected final FaultBudget<F> faults() {
        return faults;
    }
}
