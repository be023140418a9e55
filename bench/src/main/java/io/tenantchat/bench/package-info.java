/**
 * Dev-only benchmarks of the whole system on the local stand-ins (docs/performance.md): the floor of plain SDK calls,
 * time-to-first-token overhead, worker concurrency, throughput, AWS requests per message and the noisy neighbour.
 */
package io.tenantchat.bench;
