/** Pack and batch states (LIFE-2), the transitions between them and the rules that refuse one. */
package org.custodia.lifecycle.domain;
