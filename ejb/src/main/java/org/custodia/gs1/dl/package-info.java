/** GS1 Digital Link URIs, converted to and from GS1 element strings. */
package org.custodia.gs1.dl;
