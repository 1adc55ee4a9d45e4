/** The traceability matrix: each requirement of the URS with the tests that show it and their results. */
package org.custodia.validation.matrix;
