/** The capture queue's consumer. */
package org.custodia.epcis.infrastructure.messaging;
