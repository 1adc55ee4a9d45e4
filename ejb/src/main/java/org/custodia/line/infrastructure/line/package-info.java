/** Implementations of the LineControl port: today the recording one bound until the OPC UA adapter arrives. */
package org.custodia.line.infrastructure.line;
