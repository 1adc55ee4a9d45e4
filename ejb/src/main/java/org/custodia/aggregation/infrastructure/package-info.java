/** Adapters of the aggregation feature: the line's port, the demo SSCC pool. */
package org.custodia.aggregation.infrastructure;
