/**
 * The contract between the resource adapter and a line's OPC UA server (the simulator speaks it):
 * node IDs, method names and how a line message travels as an OPC UA String array.
 */
package org.custodia.line.wire;
