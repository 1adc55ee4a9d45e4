/** JDBC storage of shipments, their expected items, receipt lines and returns (migration V15). */
package org.custodia.supplychain.infrastructure.persistence;
