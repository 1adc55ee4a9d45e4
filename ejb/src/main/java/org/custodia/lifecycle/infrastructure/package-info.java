/** Storage of pack and batch states. */
package org.custodia.lifecycle.infrastructure;
