/** The REST endpoint of the DSCSA export profile. */
package org.custodia.dscsa.interfaces.rest;
