/** Adapters of the line feature's ports to other features' services and to the JTA transaction. */
package org.custodia.line.infrastructure;
