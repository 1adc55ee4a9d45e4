/** Builds DSCSA EPCIS 1.2 documents from stored events and master data. */
package org.custodia.compliance.application;
