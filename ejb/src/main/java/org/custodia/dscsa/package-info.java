/**
 * The US market profile (MKT-1) for DSCSA: EPCIS 1.2 files with the GS1 US healthcare header for
 * trading partners (EPC-4).
 */
package org.custodia.dscsa;
