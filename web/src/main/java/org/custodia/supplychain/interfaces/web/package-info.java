/** The shipments page: ship, receive, see discrepancies, register returns (LIFE-1). */
package org.custodia.supplychain.interfaces.web;
