/** Plain-JDBC storage of lines, work orders, their units and line exceptions. */
package org.custodia.line.infrastructure.persistence;
