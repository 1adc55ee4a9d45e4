/** The work order use cases, the print-and-verify loop, and the ports to the line and to serialization. */
package org.custodia.line.application;
