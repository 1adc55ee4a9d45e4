/** How supply-chain exceptions are stored. */
package org.custodia.exceptions.infrastructure;
