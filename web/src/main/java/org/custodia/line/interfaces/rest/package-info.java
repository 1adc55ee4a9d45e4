/** REST API of the line feature (DESIGN.md contract): work orders, their life cycle and counts, line exceptions. */
package org.custodia.line.interfaces.rest;
