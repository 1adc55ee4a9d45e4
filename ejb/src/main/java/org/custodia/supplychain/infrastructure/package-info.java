/** Technical adapters of the handoff feature. */
package org.custodia.supplychain.infrastructure;
