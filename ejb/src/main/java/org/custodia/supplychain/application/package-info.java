/** The handoff services: ship, receive and return, each an EPCIS event through the repository's capture queue. */
package org.custodia.supplychain.application;
