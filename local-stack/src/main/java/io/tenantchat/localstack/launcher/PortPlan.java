package io.tenantchat.localstack.launcher;

import io.tenantchat.localstack.Ports;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Stream;

/** The ports of the services and of cognito-local (the ones a developer types or configures). */
record PortPlan(int api, int worker, int aggregator, int cognito) {

    static PortPlan fixed() {
        return new PortPlan(8000, 8001, 8002, 9229);
    }

    /** Fails loudly, before anything starts, when another process (an old local stack?) holds one of the ports. */
    PortPlan requireFree() {
        Stream.of(api, worker, aggregator, cognito).forEach(Ports::requireFree);
        return this;
    }

    static PortPlan free() {
        Set<Integer> ports = new LinkedHashSet<>();
        while (ports.size() < 4) {
            ports.add(Ports.free());
        }
        Iterator<Integer> next = ports.iterator();
        return new PortPlan(next.next(), next.next(), next.next(), next.next());
    }
}
