/** The REST endpoint of the DSCSA export profile. */
package org.custodia.compliance.interfaces.rest;
