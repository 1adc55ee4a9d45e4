-- Cases and pallets another party made (AGG-2 at a distribution point): a wholesaler opens pallets its
-- suppliers packed. Such a container is known here only from the EPCIS repository (the supplier's
-- AggregationEvents, captured or received); the first change made to it here takes it over into the
-- containment tables, with its children as the repository has them.
-- SQL that both Oracle and H2 in MODE=Oracle accept.

-- epc: the EPC the container's events name it by (the supplier's company prefix length, which need not be
-- registered here); null for the containers made here, whose EPC follows from the registered prefixes.
ALTER TABLE aggregation_container ADD epc VARCHAR2(400);
-- taken_over_at: when it was taken over from the repository's state; null for the containers made here.
ALTER TABLE aggregation_container ADD taken_over_at TIMESTAMP WITH TIME ZONE;
