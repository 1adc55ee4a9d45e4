/**
 * JPA converters that store each single-field GS1 value object as its normalised string in a
 * VARCHAR column.
 */
package org.custodia.gs1.persistence;
