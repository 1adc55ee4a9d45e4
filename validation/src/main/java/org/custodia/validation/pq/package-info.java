/**
 * The PQ benchmarks of validation/pq/README.md: mains that measure throughput and latency against
 * the goals of DESIGN.md and print every result as a {@code FIGURE name=value unit} line.
 */
package org.custodia.validation.pq;
