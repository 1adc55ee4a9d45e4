/** The EPCIS repository: the one write path for events, their storage, and the current state of every object. */
package org.custodia.epcis;
