/** In-server helpers of the line OQ tests: the adapter test's message-driven bean and recorder, the dashboard test's activity probe. */
package org.custodia.validation.oq.line;
