/** The shipment, receipt and return REST APIs (LIFE-1). */
package org.custodia.supplychain.interfaces.rest;
