package org.custodia.trace.domain;

import java.io.Serializable;

/** How many units of a recall are at one location with one owner; null location or owner: not known. */
public record LocationCount(String location, String owner, int count) implements Serializable {}
