/** The supply-chain exception record, its types, severities and life cycle (open, then resolved with a root cause). */
package org.custodia.exceptions.domain;
