/** Supply-chain exceptions (EXC-1): first-class records of what went wrong, raised by any feature, resolved with a root cause. */
package org.custodia.exceptions;
