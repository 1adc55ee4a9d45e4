/** The line feature: work orders on packaging lines, the print-and-verify loop per unit, label data. */
package org.custodia.line;
