/** A packaging line simulator as an OPC UA server: run it alone or in-process (embedded default). */
package org.custodia.line.simulator;
