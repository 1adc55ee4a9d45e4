/**
 * The JCA resource adapter of the packaging lines: Eclipse Milo OPC UA client sessions behind pooled
 * outbound connections and inbound activations, all work on the container's WorkManager.
 */
package org.custodia.line.rar;
