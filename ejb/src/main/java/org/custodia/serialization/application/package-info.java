/** The serialization use cases: create pools, allocate, import, mark unused, commission. */
package org.custodia.serialization.application;
