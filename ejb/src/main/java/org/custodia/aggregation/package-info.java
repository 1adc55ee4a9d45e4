/** Aggregation: SSCCs for cases and pallets, who is packed in which container, and the rules of packing. */
package org.custodia.aggregation;
