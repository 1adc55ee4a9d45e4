/** The EPCIS repository's services: capture onto the queue, and storage of what arrives. */
package org.custodia.epcis.application;
