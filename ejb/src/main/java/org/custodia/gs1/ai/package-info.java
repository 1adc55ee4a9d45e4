/**
 * GS1 element strings (Application Identifiers and their values), parsed and checked against the
 * bundled GS1 Barcode Syntax Dictionary and its linters.
 */
package org.custodia.gs1.ai;
