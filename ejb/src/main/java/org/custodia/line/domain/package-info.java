/** The work order aggregate, its units, market label data, line exceptions and their repositories. */
package org.custodia.line.domain;
