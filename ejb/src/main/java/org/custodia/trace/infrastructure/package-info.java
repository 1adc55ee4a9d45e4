/** Adapters of the trace feature to the database and the EPCIS repository. */
package org.custodia.trace.infrastructure;
