/**
 * EPC URIs and RFID binary encodings (GS1 EPC Tag Data Standard) read back into the GS1 value
 * objects.
 */
package org.custodia.gs1.epc;
