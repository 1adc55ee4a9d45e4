/** Starts the simulator inside the application server for the embedded default. */
package org.custodia.line.simulator.ejb;
