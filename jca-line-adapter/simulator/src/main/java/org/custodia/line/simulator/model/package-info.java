/** The simulated line itself, in plain Java: printer, camera, reject station, aggregation stations. */
package org.custodia.line.simulator.model;
