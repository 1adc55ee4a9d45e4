/**
 * Markets and their submissions (MKT-1): so far the US DSCSA profile, EPCIS 1.2 files with the GS1 US
 * healthcare header for trading partners (EPC-4).
 */
package org.custodia.compliance;
