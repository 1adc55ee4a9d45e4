/** Handoffs between trading partners (LIFE-1): shipping, receiving against the expected shipment, ownership transfer and returns. */
package org.custodia.supplychain;
