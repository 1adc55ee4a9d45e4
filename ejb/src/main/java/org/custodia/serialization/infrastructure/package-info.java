/** How the serialization feature reaches the database and the other features. */
package org.custodia.serialization.infrastructure;
