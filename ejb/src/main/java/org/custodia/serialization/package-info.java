/** Serial numbers: pools per GTIN, allocation that never repeats a serial, import, and commissioning. */
package org.custodia.serialization;
