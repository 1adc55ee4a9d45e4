/** The serial pool aggregate and its rules: serial spaces, keyed permutation, capacity and guessing probability. */
package org.custodia.serialization.domain;
