/** The test message-driven bean and its recorder that the line adapter OQ test deploys. */
package org.custodia.validation.oq.line;
