/** What every feature shares at run time: the refusal family, JNDI names, schema migration, demo data. */
package org.custodia.platform;
