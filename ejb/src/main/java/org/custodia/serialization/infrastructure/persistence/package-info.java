/** JPA repositories of the serialization feature. */
package org.custodia.serialization.infrastructure.persistence;
