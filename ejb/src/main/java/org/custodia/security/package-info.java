/** Roles and what each may do. */
package org.custodia.security;
