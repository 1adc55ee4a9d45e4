/** Shipments, their expected items and receipt lines, and the pure rules comparing a receipt with a shipment. */
package org.custodia.supplychain.domain;
