/** Operational qualification: black-box tests of the real EAR on the configured server, tagged with requirement IDs. */
package org.custodia.validation.oq;
