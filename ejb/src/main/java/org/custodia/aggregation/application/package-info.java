/** Aggregation use cases: SSCC allocation, packing a case or pallet with its AggregationEvent, and contents. */
package org.custodia.aggregation.application;
