/** The simulated lines as an OPC UA address space on an Eclipse Milo server. */
package org.custodia.line.simulator.opcua;
